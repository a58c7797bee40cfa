package io.passerelle.importjob;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.quartz.CronExpression;

/**
 * Checks a job before it is stored and names every problem at once, after the body's type errors
 * ({@link TypeProblems}). Plain Java: what the connection offers comes in as a {@link JobConnection}.
 */
final class ImportJobValidator {

    static final String ALL_FLOWS = "all";
    static final int MAX_NAME = 255;
    static final int MAX_SCHEDULE = 255;
    /** Ten years: a longer look back is {@code ALL}. */
    static final int MAX_DAYS = 3660;

    private ImportJobValidator() {
    }

    /**
     * The job's settings, as stored.
     *
     * @param connection  the connection the body names, or, for a change, the job's own
     * @param jobsOwn     for a change, the id of the job's connection (a job cannot move to another); null for a new job
     * @throws InvalidImportJobException naming each problem
     */
    static JobSettings check(ImportJobRequest request, JobConnection connection, String jobsOwn) {
        List<FieldProblem> problems = new ArrayList<>();
        String name = request.name() == null ? null : request.name().strip();
        if (name == null || name.isEmpty()) {
            problems.add(new FieldProblem("name", "required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new FieldProblem("name", "at most " + MAX_NAME + " characters"));
        }
        checkConnection(request.connection(), connection, jobsOwn, problems);
        List<String> companies = companies(request.companies(), connection, problems);
        List<String> flows = flows(request.flows(), connection, problems);
        JobRange range = range(request.range(), problems);
        checkSchedule(request.schedule(), problems);
        List<FieldProblem> all = TypeProblems.merge(problems);
        if (!all.isEmpty()) {
            throw new InvalidImportJobException(all);
        }
        return new JobSettings(name, connection.id(), companies, flows, range, request.schedule());
    }

    private static void checkConnection(String named, JobConnection connection, String jobsOwn,
            List<FieldProblem> problems) {
        if (jobsOwn != null) {
            if (named != null && !named.equals(jobsOwn)) {
                problems.add(new FieldProblem("connection", "a job's connection cannot change (it is '" + jobsOwn
                        + "'): create a job for the other connection"));
            }
        } else if (named == null || named.isBlank()) {
            problems.add(new FieldProblem("connection", "required: the id of the connection whose flows to import"));
            return;
        }
        if (!connection.usable()) {
            problems.add(new FieldProblem("connection", connection.problem()));
        }
    }

    /** The companies named, spelt as the connection lists them; null for every selected one. */
    private static List<String> companies(List<String> named, JobConnection connection, List<FieldProblem> problems) {
        if (named == null) {
            return null;
        }
        if (named.isEmpty()) {
            problems.add(new FieldProblem("companies", "name at least one company (its erpCompanyId), or leave "
                    + "companies out (null) to import every selected company"));
            return null;
        }
        List<String> companies = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < named.size(); i++) {
            String field = "companies[" + i + "]";
            String company = named.get(i);
            if (company == null || company.isBlank()) {
                problems.add(new FieldProblem(field, "required: the erpCompanyId of a company of the connection"));
                continue;
            }
            String key = KeyNormalizer.matchKey(company);
            if (!seen.add(key)) {
                problems.add(new FieldProblem(field, "named twice"));
                continue;
            }
            if (!connection.usable()) {
                continue; // said at "connection"
            }
            String known = connection.companies().stream().filter(c -> c != null && KeyNormalizer.matchKey(c).equals(key))
                    .findFirst().orElse(null);
            if (known == null) {
                problems.add(new FieldProblem(field, "not a company of connection " + connection.id() + "; its "
                        + "companies: " + (connection.companies().isEmpty() ? "none known yet"
                        : String.join(", ", connection.companies())) + " (GET /api/connections/" + connection.id()
                        + "/companies)"));
                continue;
            }
            companies.add(known);
        }
        return companies;
    }

    private static List<String> flows(List<String> named, JobConnection connection, List<FieldProblem> problems) {
        if (named == null || named.isEmpty()) {
            problems.add(new FieldProblem("flows", "required: at least one inbound flow of the connection's ERP, or "
                    + "[\"all\"]" + (connection.usable() ? "; flows: " + String.join(", ", connection.flows()) : "")));
            return List.of();
        }
        List<String> flows = new ArrayList<>();
        for (int i = 0; i < named.size(); i++) {
            String field = "flows[" + i + "]";
            String flow = named.get(i);
            if (flow == null || flow.isBlank()) {
                problems.add(new FieldProblem(field, "required"));
            } else if (flows.contains(flow)) {
                problems.add(new FieldProblem(field, "named twice"));
            } else if (ALL_FLOWS.equals(flow) && named.size() > 1) {
                problems.add(new FieldProblem(field, "\"all\" is every flow: name it alone"));
            } else if (!ALL_FLOWS.equals(flow) && connection.usable() && !connection.flows().contains(flow)) {
                problems.add(new FieldProblem(field, "not an inbound flow of connection " + connection.id()
                        + "; flows: " + String.join(", ", connection.flows()) + ", or all"));
            } else {
                flows.add(flow);
            }
        }
        return flows;
    }

    private static JobRange range(ImportJobRequest.Range range, List<FieldProblem> problems) {
        if (range == null) {
            return JobRange.INCREMENTAL;
        }
        RangeKind kind = kind(range.kind(), problems);
        if (kind == null) {
            return null;
        }
        Integer days = null;
        LocalDate from = null;
        LocalDate to = null;
        if (kind == RangeKind.LAST_DAYS) {
            days = range.days();
            if (days == null) {
                problems.add(new FieldProblem("range.days", "required for LAST_DAYS: how many days back to read"));
            } else if (days < 1 || days > MAX_DAYS) {
                problems.add(new FieldProblem("range.days", "must be 1 to " + MAX_DAYS + " (longer: kind ALL)"));
            }
        } else if (range.days() != null) {
            problems.add(new FieldProblem("range.days", "only for kind LAST_DAYS"));
        }
        if (kind == RangeKind.BETWEEN) {
            from = date("range.from", range.from(), problems);
            to = date("range.to", range.to(), problems);
            if (from != null && to != null && from.isAfter(to)) {
                problems.add(new FieldProblem("range.to", "must not be before range.from (" + from + ")"));
            }
        } else {
            if (range.from() != null) {
                problems.add(new FieldProblem("range.from", "only for kind BETWEEN"));
            }
            if (range.to() != null) {
                problems.add(new FieldProblem("range.to", "only for kind BETWEEN"));
            }
        }
        return new JobRange(kind, days, from, to);
    }

    private static RangeKind kind(String kind, List<FieldProblem> problems) {
        String expected = "one of INCREMENTAL, ALL, LAST_DAYS, BETWEEN";
        if (kind == null || kind.isBlank()) {
            problems.add(new FieldProblem("range.kind", "required: " + expected));
            return null;
        }
        try {
            return RangeKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem("range.kind", "must be " + expected));
            return null;
        }
    }

    private static LocalDate date(String field, String text, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(new FieldProblem(field, "required for BETWEEN: a date, e.g. 2026-01-31"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "not a date: expected yyyy-mm-dd, e.g. 2026-01-31"));
            return null;
        }
    }

    private static void checkSchedule(String schedule, List<FieldProblem> problems) {
        if (schedule == null) {
            return;
        }
        if (schedule.length() > MAX_SCHEDULE) {
            problems.add(new FieldProblem("schedule", "at most " + MAX_SCHEDULE + " characters"));
        } else if (!CronExpression.isValidExpression(schedule)) {
            problems.add(new FieldProblem("schedule", "not a valid Quartz cron expression (seconds minutes hours "
                    + "day-of-month month day-of-week, e.g. \"0 0 2 * * ?\"), or null to run it by hand only"));
        }
    }
}
