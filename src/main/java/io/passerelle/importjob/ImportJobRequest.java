package io.passerelle.importjob;

import io.passerelle.request.MergesTypeProblems;
import java.util.List;

/**
 * The body of {@code POST /api/import-jobs} and {@code PUT /api/import-jobs/{id}}. Members of the wrong type are read
 * as null and named with the validator's own problems, all in one answer. Dates are read as text, so that a date that
 * is no date is named as the validator names it.
 */
@MergesTypeProblems
public record ImportJobRequest(String name, String connection, List<String> companies, List<String> flows,
        Range range, String schedule) {

    /** {@code {"kind", "days", "from", "to"}}: see {@link JobRange}. */
    public record Range(String kind, Integer days, String from, String to) {
    }
}
