package io.passerelle.timesheet;

import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Timesheet lines as the export engine sees them: keyed and made idempotent by the platform's line id.
 * Sheets whose lines went out become FROZEN (seed rule: changes after that are made in the ERP), whichever way the
 * engine learns that they went: a batch's answer, or reconciliation after a lost answer or a stopped process.
 */
@Component
public class TimesheetLineSource implements ExportSource<ExportableLine> {

    private final TimesheetExportSource lines;

    public TimesheetLineSource(TimesheetExportSource lines) {
        this.lines = lines;
    }

    @Override
    public String kind() {
        return TimesheetExportSource.KIND;
    }

    @Override
    public List<ExportCandidate<ExportableLine>> candidates(Connection connection, String after, int limit) {
        return lines.linesToExport(connection.id(), after, limit).stream()
                .map(line -> new ExportCandidate<>(line.lineId(), line.lineId(), line, line.exportState() != null))
                .toList();
    }

    /** A sheet freezes as soon as one of its lines went, whatever the answer: the ERP may hold it. */
    @Override
    public void sent(Connection connection, List<ExportableLine> went) {
        lines.freeze(went.stream().filter(line -> line.timesheetStatus() == TimesheetStatus.VALIDATED)
                .map(ExportableLine::timesheetId).distinct().toList());
    }

    /** Lines an earlier run sent without recording it (a stopped process): their sheets freeze now. */
    @Override
    public void delivered(Connection connection, List<String> lineIds) {
        lines.freezeSheetsOfLines(lineIds);
    }
}
