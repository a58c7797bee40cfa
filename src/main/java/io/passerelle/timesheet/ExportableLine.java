package io.passerelle.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.passerelle.export.ExportState;

/**
 * A timesheet line ready to go to one connection, for the export engine. Employee, project, activity and trade
 * are as the ERP spells them (the canonical rows' {@code number}/{@code code}); {@code projectCode} is the project as
 * the platform named it (a platform project linked in a {@code projects} code map, or an ERP project's number), and
 * {@code projectNumber} the synced ERP project it named (null when it named a platform project only) until the
 * source translated it for the connection ({@link io.passerelle.codemap.ProjectTranslation}): a sink sends
 * {@code projectNumber}, never null there. {@code activityCode} is the code of
 * the project's activity or of the company's service code, as {@code activityKind} says (both null when the line
 * names none). {@code hourTypeCode} and the earnings' codes are the platform's (normalised, as
 * {@link io.passerelle.codemap.CodeMaps} keys them): translate them through the connection's code maps; a null
 * hour type means Regular. {@code start} and {@code end} are the clock times of the line (both or neither, null when
 * the platform gave none); {@code hours} is at most the time between them (less by a pause). {@code exportState} is
 * the line's {@code export_item} state for that connection: null (never considered), PENDING or REJECTED.
 */
public record ExportableLine(
        String lineId,
        String timesheetId,
        TimesheetStatus timesheetStatus,
        String employeeNumber,
        String projectNumber,
        String projectCode,
        String activityCode,
        ActivityKind activityKind,
        String tradeCode,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        BigDecimal hours,
        String hourTypeCode,
        List<Earning> earnings,
        ExportState exportState) {

    /** The line with the ERP project it goes to on one connection. */
    public ExportableLine withProjectNumber(String erpNumber) {
        return new ExportableLine(lineId, timesheetId, timesheetStatus, employeeNumber, erpNumber, projectCode,
                activityCode, activityKind, tradeCode, date, start, end, hours, hourTypeCode, earnings, exportState);
    }

    /** An expense or premium: the platform's earning code and the quantity. */
    public record Earning(String platformCode, BigDecimal quantity) {
    }
}
