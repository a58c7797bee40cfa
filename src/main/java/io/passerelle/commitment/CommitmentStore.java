package io.passerelle.commitment;

import static io.passerelle.document.Rows.effectiveState;
import static io.passerelle.document.Rows.instant;
import static io.passerelle.document.Rows.money;
import static io.passerelle.document.Rows.plain;
import static io.passerelle.document.Rows.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.Decision;
import io.passerelle.approval.ItemExport;
import io.passerelle.sync.SqlFiles;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** {@code commitment} and {@code commitment_line}, with each commitment's export state. Callers provide the transaction. */
@Repository
public class CommitmentStore {

    private static final String DIR = "sql/commitment/";

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;

    public CommitmentStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public Optional<Long> companyOfConnection(String connectionId) {
        return jdbc.queryForList(sql.get(DIR + "connection-company.sql"), Map.of("connectionId", connectionId), Long.class)
                .stream().findFirst();
    }

    public Optional<Long> referenceTaken(long companyId, CommitmentType type, String reference) {
        return jdbc.queryForList(sql.get(DIR + "reference-taken.sql"), new MapSqlParameterSource()
                        .addValue("companyId", companyId).addValue("type", type.name()).addValue("reference", reference),
                Long.class).stream().findFirst();
    }

    /** Stores a new commitment with its lines; {@code decision} is set when it is accepted at once (autoAccept). */
    public long insert(long companyId, ValidCommitment commitment, ApprovalState state, Decision decision,
            String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(sql.get(DIR + "commitment-insert.sql"), new MapSqlParameterSource()
                .addValue("companyId", companyId)
                .addValue("connectionId", commitment.connection().id())
                .addValue("type", commitment.type().name())
                .addValue("reference", commitment.reference())
                .addValue("vendorId", commitment.vendorId())
                .addValue("projectId", commitment.projectId())
                .addValue("description", commitment.description(), Types.VARCHAR)
                .addValue("date", commitment.date())
                .addValue("state", state.name())
                .addValue("decidedBy", decision == null ? null : decision.by(), Types.VARCHAR)
                .addValue("decidedAt", decision == null ? null : utc(decision.at()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("createdBy", createdBy, Types.VARCHAR)
                .addValue("now", utc(now)), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        List<SqlParameterSource> lines = new ArrayList<>();
        for (int i = 0; i < commitment.lines().size(); i++) {
            CommitmentLine line = commitment.lines().get(i);
            lines.add(new MapSqlParameterSource()
                    .addValue("commitmentId", id)
                    .addValue("position", i)
                    .addValue("projectTaskId", line.projectTaskId())
                    .addValue("costCode", line.costCode())
                    .addValue("description", line.description(), Types.VARCHAR)
                    .addValue("quantity", line.quantity(), Types.NUMERIC)
                    .addValue("unitCost", line.unitCost(), Types.NUMERIC)
                    .addValue("amount", line.amount()));
        }
        jdbc.batchUpdate(sql.get(DIR + "line-insert.sql"), lines.toArray(SqlParameterSource[]::new));
        return id;
    }

    /** One commitment with its lines. */
    public Optional<CommitmentView> view(long id) {
        List<CommitmentView> found = search(id, null, null, null, 0, 1);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0).withLines(lines(List.of(id)).getOrDefault(id, List.of())));
    }

    /** Commitments without their lines, by id after {@code afterId}; every filter optional. */
    public List<CommitmentView> search(Long id, String company, String connection, ApprovalState state, long afterId,
            int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("id", id, Types.BIGINT)
                .addValue("company", company, Types.VARCHAR)
                .addValue("connection", connection, Types.VARCHAR)
                .addValue("state", state == null ? null : state.name(), Types.VARCHAR)
                .addValue("after", afterId)
                .addValue("limit", limit);
        return jdbc.query(sql.get(DIR + "commitment-search.sql"), params, (rs, n) -> view(rs));
    }

    /** READY → {@code state} with its decision; false when the commitment is not READY (any more). */
    public boolean decide(long id, ApprovalState state, Decision decision) {
        return jdbc.update(sql.get(DIR + "decide.sql"), new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("state", state.name())
                .addValue("decidedBy", decision.by())
                .addValue("decidedAt", utc(decision.at()))
                .addValue("reason", decision.reason(), Types.VARCHAR)) == 1;
    }

    /** Accepted commitments the connection does not hold yet, with their lines: two queries per page. */
    public List<ExportableCommitment> exportable(String connectionId, long afterId, int limit) {
        List<ExportableCommitment> heads = jdbc.query(sql.get(DIR + "export-candidates.sql"), new MapSqlParameterSource()
                .addValue("connectionId", connectionId)
                .addValue("after", afterId)
                .addValue("limit", limit), (rs, n) -> new ExportableCommitment(rs.getLong("id"),
                rs.getString("company"), rs.getString("connection_id"),
                CommitmentType.valueOf(rs.getString("commitment_type")), rs.getString("reference_number"),
                rs.getString("vendor_id"), rs.getString("project_id"), rs.getString("description"),
                rs.getObject("doc_date", LocalDate.class), List.of(), rs.getString("export_state")));
        if (heads.isEmpty()) {
            return heads;
        }
        Map<Long, List<CommitmentLine>> lines = lines(heads.stream().map(ExportableCommitment::id).toList());
        return heads.stream().map(h -> new ExportableCommitment(h.id(), h.company(), h.connection(), h.type(),
                h.reference(), h.vendorId(), h.projectId(), h.description(), h.date(),
                List.copyOf(lines.getOrDefault(h.id(), List.of())), h.exportState())).toList();
    }

    private Map<Long, List<CommitmentLine>> lines(List<Long> ids) {
        Map<Long, List<CommitmentLine>> lines = new HashMap<>();
        jdbc.query(sql.get(DIR + "lines-select.sql"), Map.of("commitmentIds", ids), rs -> {
            lines.computeIfAbsent(rs.getLong("commitment_id"), k -> new ArrayList<>()).add(new CommitmentLine(
                    rs.getString("project_task_id"), rs.getString("cost_code"), rs.getString("description"),
                    plain(rs.getBigDecimal("quantity")), plain(rs.getBigDecimal("unit_cost")),
                    money(rs.getBigDecimal("amount"))));
        });
        return lines;
    }

    private static CommitmentView view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String exportState = rs.getString("export_state");
        ItemExport export = exportState == null ? null : new ItemExport(rs.getString("connection_id"), exportState,
                rs.getString("export_code"), rs.getString("export_message"), instant(rs, "export_updated_at"));
        return new CommitmentView(id, ApprovalKind.COMMITMENTS.itemId(id), rs.getString("company"),
                rs.getString("connection_id"), CommitmentType.valueOf(rs.getString("commitment_type")),
                rs.getString("reference_number"), rs.getString("vendor_id"), rs.getString("project_id"),
                rs.getString("description"), rs.getObject("doc_date", LocalDate.class), money(rs.getBigDecimal("total")),
                rs.getInt("line_count"), effectiveState(rs.getString("state"), exportState),
                rs.getString("decided_by"), instant(rs, "decided_at"), rs.getString("reason"),
                rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"), export, null);
    }
}
