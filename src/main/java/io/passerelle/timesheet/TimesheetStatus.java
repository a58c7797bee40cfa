package io.passerelle.timesheet;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a timesheet stands. DRAFT and VALIDATED go back and forth; anything may become FROZEN; a FROZEN
 * sheet stays FROZEN (changes after that are made in the ERP). VALIDATED and FROZEN sheets are exported.
 */
public enum TimesheetStatus {
    DRAFT, VALIDATED, FROZEN;

    public boolean canBecome(TimesheetStatus next) {
        return this != FROZEN || next == FROZEN;
    }

    public boolean exportable() {
        return this != DRAFT;
    }

    /** Case-insensitive; empty for null, blank or an unknown name. */
    public static Optional<TimesheetStatus> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
