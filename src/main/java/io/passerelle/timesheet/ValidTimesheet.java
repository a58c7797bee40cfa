package io.passerelle.timesheet;

import java.util.List;

/** A timesheet that passed validation, with the company and employee it resolved to. */
public record ValidTimesheet(
        long companyId,
        String companyCode,
        long employeeId,
        String employeeNumber,
        TimesheetStatus status,
        List<ValidLine> lines) {
}
