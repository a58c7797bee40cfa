package io.passerelle.timesheet;

import java.time.Instant;

/** A timesheet in a listing: its head and how many lines it has. */
public record TimesheetSummary(
        String id,
        String company,
        String employeeNumber,
        String status,
        int lineCount,
        Instant createdAt,
        Instant updatedAt) {
}
