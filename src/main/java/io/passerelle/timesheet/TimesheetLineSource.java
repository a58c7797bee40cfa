package io.passerelle.timesheet;

import io.passerelle.codemap.CodeMaps;
import io.passerelle.codemap.ProjectTranslation;
import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSource;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Timesheet lines as the export engine sees them: keyed and made idempotent by the platform's line id, each with the
 * ERP project it goes to on this connection ({@link ProjectTranslation}: through the connection's projects map, for
 * every ERP alike), or refused before sending when the connection links no ERP project to the line's.
 * Sheets whose lines went out become FROZEN (seed rule: changes after that are made in the ERP), whichever way the
 * engine learns that they went: a batch's answer, or reconciliation after a lost answer or a stopped process.
 */
@Component
public class TimesheetLineSource implements ExportSource<ExportableLine> {

    private final TimesheetExportSource lines;
    private final CodeMaps codeMaps;

    public TimesheetLineSource(TimesheetExportSource lines, CodeMaps codeMaps) {
        this.lines = lines;
        this.codeMaps = codeMaps;
    }

    @Override
    public String kind() {
        return TimesheetExportSource.KIND;
    }

    @Override
    public List<ExportCandidate<ExportableLine>> candidates(Connection connection, String after, int limit) {
        List<ExportableLine> page = lines.linesToExport(connection.id(), after, limit);
        if (page.isEmpty()) {
            return List.of();
        }
        ProjectTranslation projects = codeMaps.projects(connection);
        return page.stream().map(line -> {
            ExportCandidate<ExportableLine> candidate =
                    new ExportCandidate<>(line.lineId(), line.lineId(), line, line.exportState() != null);
            return projects.erpNumber(line.projectCode(), line.projectNumber())
                    .map(number -> candidate.withData(line.withProjectNumber(number)))
                    .orElseGet(() -> candidate.refused(ProjectTranslation.NOT_LINKED, projects.refusal(line.projectCode())));
        }).toList();
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
