package io.passerelle.timesheet;

import java.util.List;

/** One page of {@code GET /api/timesheets}; {@code next} is the {@code after} of the next page, null at the end. */
public record TimesheetPage(List<TimesheetSummary> items, String next) {
}
