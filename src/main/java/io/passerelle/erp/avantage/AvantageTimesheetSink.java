package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.codemap.CodeMaps;
import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSink;
import io.passerelle.export.ExportState;
import io.passerelle.export.ItemOutcome;
import io.passerelle.export.Preparation;
import io.passerelle.export.PreparedItem;
import io.passerelle.timesheet.ExportableLine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Timesheet lines to Avantage's Timesheet management. Codes go as Avantage spells them; hour types
 * and earnings through the connection's code maps, a line without an hour type as the one mapped to
 * Regular (seed rule). A line whose code has no map entry is refused before anything is sent.
 */
@Component
public class AvantageTimesheetSink implements ExportSink<ExportableLine, ObjectNode> {

    static final String MISSING_MAP = "MISSING_CODE_MAP";

    private final AvantageTransports transports;
    private final CodeMaps codeMaps;
    private final ObjectMapper mapper;

    public AvantageTimesheetSink(AvantageTransports transports, CodeMaps codeMaps, ObjectMapper mapper) {
        this.transports = transports;
        this.codeMaps = codeMaps;
        this.mapper = mapper;
    }

    @Override
    public int batchSize() {
        return AvantageTimesheets.MAX_LINES;
    }

    @Override
    public Session<ExportableLine, ObjectNode> open(Connection connection) {
        AvantageSession session = transports.session(connection, transports.forConnection(connection));
        session.login();
        return new LineSession(connection.id(), new AvantageTimesheets(session, mapper), codeMaps.hourTypes(connection.id()),
                codeMaps.regularHourType(connection.id()), codeMaps.earnings(connection.id()));
    }

    private final class LineSession implements Session<ExportableLine, ObjectNode> {
        private final String connectionId;
        private final AvantageTimesheets timesheets;
        private final Map<String, String> hourTypes;
        private final Optional<String> regular;
        private final Map<String, String> earnings;
        private final Set<String> resent = ConcurrentHashMap.newKeySet();

        LineSession(String connectionId, AvantageTimesheets timesheets, Map<String, String> hourTypes,
                Optional<String> regular, Map<String, String> earnings) {
            this.connectionId = connectionId;
            this.timesheets = timesheets;
            this.hourTypes = hourTypes;
            this.regular = regular;
            this.earnings = earnings;
        }

        @Override
        public Preparation<ObjectNode> prepare(ExportCandidate<ExportableLine> candidate) {
            ExportableLine line = candidate.data();
            String hourType = line.hourTypeCode() == null ? regular.orElse(null) : hourTypes.get(line.hourTypeCode());
            if (hourType == null) {
                return Preparation.refused(MISSING_MAP, line.hourTypeCode() == null
                        ? "the line has no hour type and no hour type is mapped as Regular in the hourTypes code map of connection '"
                                + connectionId + "'"
                        : "hour type '" + line.hourTypeCode() + "' has no entry in the hourTypes code map of connection '"
                                + connectionId + "'");
            }
            ObjectNode json = mapper.createObjectNode();
            json.put("lineId", line.lineId());
            json.put("employee", line.employeeNumber());
            json.put("project", line.projectNumber());
            if (line.activityCode() != null) {
                json.put("activity", line.activityCode());
            }
            if (line.tradeCode() != null) {
                json.put("trade", line.tradeCode());
            }
            json.put("date", line.date().toString());
            json.put("hours", line.hours());
            json.put("hourType", hourType);
            if (!line.earnings().isEmpty()) {
                ArrayNode array = json.putArray("earnings");
                for (ExportableLine.Earning earning : line.earnings()) {
                    String code = earnings.get(earning.platformCode());
                    if (code == null) {
                        return Preparation.refused(MISSING_MAP, "earning '" + earning.platformCode()
                                + "' has no entry in the earnings code map of connection '" + connectionId + "'");
                    }
                    array.addObject().put("code", code).put("quantity", earning.quantity());
                }
            }
            if (line.exportState() == ExportState.PENDING) {
                resent.add(line.lineId());
            }
            return Preparation.ready(new PreparedItem<>(candidate.sourceId(), candidate.idempotencyKey(), json));
        }

        @Override
        public CompletableFuture<List<ItemOutcome>> send(String batchId, List<PreparedItem<ObjectNode>> batch) {
            return timesheets.post(batchId, batch.stream().map(PreparedItem::payload).toList(), resent);
        }

        @Override
        public Set<String> holds(List<String> lineIds) {
            return timesheets.holds(lineIds);
        }

        @Override
        public void close() {
            // the transport stays open for the connection's next run
        }
    }
}
