package io.passerelle.api;

import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The run statuses of API.md, from best to worst. */
final class RunStatuses {

    /** Order matters: the status of several runs together is the worst of theirs. */
    static final List<String> BEST_TO_WORST = List.of("SUCCEEDED", "RUNNING", "INTERRUPTED", "PARTIAL",
            "FAILED");

    private RunStatuses() {
    }

    static String worst(Collection<String> statuses) {
        return statuses.stream()
                .max((a, b) -> Integer.compare(BEST_TO_WORST.indexOf(a), BEST_TO_WORST.indexOf(b)))
                .orElse("SUCCEEDED");
    }

    /** The status filter in upper case, or null when absent; 400 when it is not a status. */
    static String filter(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        String upper = status.trim().toUpperCase(Locale.ROOT);
        if (!BEST_TO_WORST.contains(upper)) {
            throw new InvalidParameterException("status", "must be one of RUNNING, SUCCEEDED, INTERRUPTED, PARTIAL, FAILED");
        }
        return upper;
    }
}
