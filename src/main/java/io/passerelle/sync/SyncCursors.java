package io.passerelle.sync;

import io.passerelle.connection.Connection;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.RunningFlows;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.UnknownFlowException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The operator's view of the inbound watermarks: one per flow of the connection's ERP, and a way to move one (back
 * to re-read what changed since a date, or to null to re-read everything at the next run).
 */
@Service
public class SyncCursors {

    private final Map<String, InboundSource> sources;
    private final SyncStore store;
    private final RunningFlows running;
    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final SyncTargets targets;

    public SyncCursors(List<InboundSource> sources, SyncStore store, RunningFlows running,
            NamedParameterJdbcTemplate jdbc, SqlFiles sql, SyncTargets targets) {
        this.sources = sources.stream().collect(Collectors.toMap(InboundSource::erp, Function.identity()));
        this.store = store;
        this.running = running;
        this.jdbc = jdbc;
        this.sql = sql;
        this.targets = targets;
    }

    /**
     * Every inbound flow of the connection's ERP, in the order {@code sync/all} runs them; for a connection that
     * reaches several companies, each flow once per company.
     */
    public List<CursorView> list(Connection connection) {
        Map<String, CursorView> stored = new HashMap<>();
        jdbc.query(sql.get("sql/sync/cursor-list.sql"), Map.of("connectionId", connection.id()), rs -> {
            stored.put(rs.getLong("company_id") + "/" + rs.getString("entity"), new CursorView(null, null,
                    instant(rs.getTimestamp("watermark")), instant(rs.getTimestamp("updated_at")), null));
        });
        List<CursorView> cursors = new ArrayList<>();
        for (SyncTarget target : cursorTargets(connection)) {
            for (InboundFlowSpec flow : flows(connection)) {
                CursorView cursor = stored.get(target.companyId() + "/" + flow.entity().name());
                cursors.add(new CursorView(flow.name(), flow.entity().apiName(),
                        cursor == null ? null : cursor.watermark(), cursor == null ? null : cursor.updatedAt(),
                        target.erpCompanyId()));
            }
        }
        return cursors;
    }

    /**
     * Sets one flow's watermark, in every company of the connection ({@code null}: the next run reads everything).
     * The flow is claimed for the write, so that no run of it starts, or is going, while its cursor changes.
     *
     * @throws UnknownFlowException        the ERP has no such inbound flow
     * @throws FlowAlreadyRunningException a run of the flow is going
     */
    public List<CursorView> reset(Connection connection, String flowName, Instant watermark) {
        InboundFlowSpec flow = flows(connection).stream().filter(f -> f.name().equals(flowName)).findFirst()
                .orElseThrow(() -> new UnknownFlowException(connection.erp(), flowName));
        try {
            running.claim(connection.id(), List.of(flow.name()));
        } catch (FlowAlreadyRunningException e) {
            throw new FlowAlreadyRunningException(connection.id(), flow.name(),
                    "its watermark can be changed once that run has finished");
        }
        try {
            for (SyncTarget target : cursorTargets(connection)) {
                store.saveWatermark(target, flow.entity(), watermark);
            }
        } finally {
            running.release(connection.id(), flow.name());
        }
        return list(connection).stream().filter(c -> c.flow().equals(flow.name())).toList();
    }

    /** The connection's own company, or, for one that reaches several, each of those. */
    private List<SyncTarget> cursorTargets(Connection connection) {
        List<SyncTarget> all = targets.all(connection);
        return targets.perCompany(connection) ? all.stream().filter(SyncTarget::ofErpCompany).toList() : all;
    }

    private List<InboundFlowSpec> flows(Connection connection) {
        InboundSource source = sources.get(connection.erp());
        return source == null ? List.of() : source.inbound();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
