package io.passerelle.timesheet;

/** The body of {@code PUT /api/timesheets/{id}/status}. */
public record StatusRequest(String status) {
}
