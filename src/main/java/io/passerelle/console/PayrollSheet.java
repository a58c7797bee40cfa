package io.passerelle.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A timesheet on the Payroll export page: its employee, the period its lines cover, its hours, its status, and each
 * line with where it stands with the page's connection, in words.
 */
public record PayrollSheet(String id, String employeeNumber, LocalDate from, LocalDate to, BigDecimal hours,
        String status, List<Line> lines) {

    /** One line; {@code state} is its export state with the connection (null: not considered yet). */
    public record Line(String lineId, LocalDate date, String projectNumber, String activityCode, String hourTypeCode,
            BigDecimal hours, String state, String outcome) {
    }
}
