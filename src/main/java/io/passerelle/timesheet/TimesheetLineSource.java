package io.passerelle.timesheet;

import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Timesheet lines as the export engine sees them: keyed and made idempotent by the platform's line id.
 * Sheets whose lines went out become FROZEN (seed rule: changes after that are made in the ERP).
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

    @Override
    public void sent(Connection connection, List<ExportableLine> went) {
        lines.freeze(went.stream().filter(line -> line.timesheetStatus() == TimesheetStatus.VALIDATED)
                .map(ExportableLine::timesheetId).distinct().toList());
    }
}
