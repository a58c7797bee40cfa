package io.passerelle.timesheet;

import java.util.List;

import io.passerelle.request.MergesTypeProblems;

/**
 * A timesheet as the platform writes it ({@code POST /api/timesheets}): codes as the platform spells them,
 * {@code status} DRAFT (default), VALIDATED or FROZEN. {@code PUT /api/timesheets/{id}} uses only the lines.
 */
@MergesTypeProblems
public record TimesheetRequest(String company, String employeeNumber, String status, List<LineRequest> lines) {
}
