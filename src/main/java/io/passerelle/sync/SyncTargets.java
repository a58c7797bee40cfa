package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.connection.Connection;
import io.passerelle.run.RecordError;
import io.passerelle.run.SqlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The companies a connection's runs write to. Most connections have one, their own company. A connection whose ERP
 * reaches several ({@link InboundSource#perCompany}, a 24SevenOffice client connected to organizations) has one per
 * ERP company it is set up to reach: each is a platform company, one per real company whichever connection reaches it
 * (known by the ERP's stable id, written through the companies writer as an imported company is), and only the
 * selected ones are imported.
 */
@Component
public class SyncTargets {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final SyncStore store;
    private final Map<String, InboundSource> sources;
    private final Map<CanonicalEntity, EntityWriter> writers;

    public SyncTargets(NamedParameterJdbcTemplate jdbc, SqlFiles sql, SyncStore store, List<InboundSource> sources,
            List<EntityWriter> writers) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.store = store;
        this.sources = sources.stream().collect(Collectors.toMap(InboundSource::erp, Function.identity()));
        this.writers = SyncEngine.byEntity(writers);
    }

    /** One ERP company of a connection: the target, and whether it is selected for import. */
    public record Reached(SyncTarget target, boolean selected) {
    }

    /** Whether the connection's ERP reaches several companies, each imported on its own. */
    public boolean perCompany(Connection connection) {
        return perCompany(connection.erp());
    }

    private boolean perCompany(String erp) {
        InboundSource source = sources.get(erp);
        return source != null && source.perCompany();
    }

    /**
     * The companies a run of the connection imports: its own; or, for a per-company connection, each selected company
     * among those it is set up to reach, first asking the ERP about those it has never met (so that a connection's
     * first run imports them, selected as new companies are).
     *
     * @throws RuntimeException with words, when the ERP cannot say what a new company is
     */
    public List<SyncTarget> selected(Connection connection) {
        if (!perCompany(connection)) {
            return store.target(connection.id()).map(List::of).orElse(List.of());
        }
        List<String> configured = sources.get(connection.erp()).companyIds(connection);
        Set<String> known = reached(connection).stream().map(r -> r.target().erpCompanyId()).collect(Collectors.toSet());
        if (!known.containsAll(configured)) {
            discover(connection);
        }
        return reached(connection).stream().filter(Reached::selected).map(Reached::target)
                .filter(target -> configured.contains(target.erpCompanyId())).toList();
    }

    /**
     * Every company the connection has written to or may write to: its own, and each ERP company it has reached
     * (selected or not: records imported before a company was deselected are still its).
     */
    public List<SyncTarget> all(Connection connection) {
        return all(connection.id());
    }

    /** As {@link #all(Connection)}, for a connection known by its id (archived ones too); none for an unknown one. */
    public List<SyncTarget> all(String connectionId) {
        List<SyncTarget> targets = new ArrayList<>();
        store.target(connectionId).ifPresent(targets::add);
        List<String> erp = jdbc.queryForList(sql.get("sql/sync/connection-erp.sql"), Map.of("connectionId",
                connectionId), String.class);
        if (!erp.isEmpty() && perCompany(erp.get(0))) {
            reached(connectionId).forEach(r -> targets.add(r.target()));
        }
        return targets;
    }

    /** The ERP companies the connection has reached, as stored, in the order they were first met. */
    public List<Reached> reached(Connection connection) {
        return reached(connection.id());
    }

    private List<Reached> reached(String connectionId) {
        return jdbc.query(sql.get("sql/sync/connection-targets.sql"), Map.of("connectionId", connectionId),
                (rs, n) -> new Reached(new SyncTarget(connectionId, rs.getLong("company_id"),
                        rs.getString("erp_company_id"), rs.getString("name")), rs.getBoolean("selected")));
    }

    /**
     * Asks the ERP what the companies the connection is set up to reach are, and stores them: each is the platform
     * company with its ERP id (or its number), or a new one, and is linked to the connection (new links selected).
     *
     * @throws IllegalStateException naming the company and field the ERP answered wrongly
     */
    public void discover(Connection connection) {
        InboundSource source = sources.get(connection.erp());
        if (source == null || !source.perCompany()) {
            return;
        }
        List<CanonicalRecord> companies = source.reach(connection);
        EntityWriter writer = writers.get(CanonicalEntity.COMPANY);
        SyncTarget own = store.target(connection.id())
                .orElseThrow(() -> new IllegalStateException("connection '" + connection.id() + "' no longer exists"));
        if (writer == null) {
            throw new IllegalStateException("this build cannot store the companies a connection reaches");
        }
        PageResult written = writer.writePage(own, companies, null, null);
        if (!written.rejected().isEmpty()) {
            RecordError first = written.rejected().get(0);
            throw new IllegalStateException(source.erp() + " company " + first.remoteKey() + " cannot be stored: "
                    + first.message());
        }
        List<Reached> reached = reached(connection);
        if (!reached.isEmpty() && reached.stream().noneMatch(r -> r.target().companyId() == own.companyId())) {
            becomeCompanyOfFirstReached(connection, own.companyId(), reached.get(0).target().companyId());
        }
    }

    private void becomeCompanyOfFirstReached(Connection connection, long bare, long first) {
        int moved = jdbc.update(sql.get("sql/sync/own-company-repoint.sql"), Map.of("connectionId", connection.id(),
                "companyId", first, "bare", bare));
        if (moved > 0) {
            try {
                jdbc.update(sql.get("sql/sync/company-delete-bare.sql"), Map.of("id", bare));
            } catch (DataIntegrityViolationException stillReferred) {
                // something refers to it (records written before, a code map): it stays, named by nothing
            }
        }
    }
}
