package io.passerelle.document;

import static io.passerelle.document.Rows.effectiveState;
import static io.passerelle.document.Rows.instant;
import static io.passerelle.document.Rows.money;

import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.Decision;
import io.passerelle.approval.ItemExport;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.Timestamps;
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
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;

/**
 * One kind's documents and their lines (its own tables, through the SQL files of its folder), with each
 * document's export state. Callers provide the transaction.
 */
class DocumentStore<T, L extends DocumentLine> {

    /** What every kind reads alike, whatever its tables. */
    private static final String SHARED = "sql/document/";

    private final DocumentKind<T, L> kind;
    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;

    DocumentStore(DocumentKind<T, L> kind, NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        this.kind = kind;
        this.jdbc = jdbc;
        this.sql = sql;
    }

    DocumentKind<T, L> kind() {
        return kind;
    }

    Optional<Long> companyOfConnection(String connectionId) {
        return jdbc.queryForList(sql.get(SHARED + "connection-company.sql"), Map.of("connectionId", connectionId),
                Long.class).stream().findFirst();
    }

    /** The document of the company already holding this document's reference (within the kind's scope), if any. */
    Optional<Long> referenceTaken(long companyId, ValidDocument<T, L> document) {
        return jdbc.queryForList(sql.get(kind.sqlFile("reference-taken.sql")), head(companyId, document), Long.class)
                .stream().findFirst();
    }

    /** Stores a new document with its lines; {@code decision} is set when it is accepted at once (autoAccept). */
    long insert(long companyId, ValidDocument<T, L> document, ApprovalState state, Decision decision,
            String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(sql.get(kind.sqlFile("insert.sql")), head(companyId, document)
                .addValue("state", state.name())
                .addValue("decidedBy", decision == null ? null : decision.by(), Types.VARCHAR)
                .addValue("decidedAt", decision == null ? null : Timestamps.utc(decision.at()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("createdBy", createdBy, Types.VARCHAR)
                .addValue("now", Timestamps.utc(now)), keys, new String[] {"id"});
        long id = keys.getKey().longValue();
        List<SqlParameterSource> lines = new ArrayList<>();
        for (int i = 0; i < document.lines().size(); i++) {
            L line = document.lines().get(i);
            MapSqlParameterSource params = new MapSqlParameterSource()
                    .addValue("documentId", id)
                    .addValue("position", i)
                    .addValue("projectTaskId", line.projectTaskId())
                    .addValue("costCode", line.costCode())
                    .addValue("description", line.description(), Types.VARCHAR)
                    .addValue("amount", line.amount());
            kind.bindLine(line, params);
            lines.add(params);
        }
        jdbc.batchUpdate(sql.get(kind.sqlFile("line-insert.sql")), lines.toArray(SqlParameterSource[]::new));
        return id;
    }

    /** One document with its lines. */
    Optional<DocumentView<T, L>> view(long id) {
        List<DocumentView<T, L>> found = search(id, null, null, null, 0, 1);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(found.get(0).withLines(lines(List.of(id)).getOrDefault(id, List.of())));
    }

    /** Documents without their lines, by id after {@code afterId}; every filter optional. */
    List<DocumentView<T, L>> search(Long id, String company, String connection, ApprovalState state, long afterId,
            int limit) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("id", id, Types.BIGINT)
                .addValue("company", company, Types.VARCHAR)
                .addValue("connection", connection, Types.VARCHAR)
                .addValue("state", state == null ? null : state.name(), Types.VARCHAR)
                .addValue("after", afterId)
                .addValue("limit", limit);
        return jdbc.query(sql.get(kind.sqlFile("search.sql")), params, (rs, n) -> view(rs));
    }

    /** READY → {@code state} with its decision; false when the document is not READY (any more). */
    boolean decide(long id, ApprovalState state, Decision decision) {
        return jdbc.update(sql.get(kind.sqlFile("decide.sql")), new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("state", state.name())
                .addValue("decidedBy", decision.by())
                .addValue("decidedAt", Timestamps.utc(decision.at()))
                .addValue("reason", decision.reason(), Types.VARCHAR)) == 1;
    }

    /** Accepted documents the connection does not hold yet, with their lines: two queries per page. */
    List<ExportableDocument<T, L>> exportable(String connectionId, long afterId, int limit) {
        List<ExportableDocument<T, L>> heads = jdbc.query(sql.get(kind.sqlFile("export-candidates.sql")),
                new MapSqlParameterSource()
                        .addValue("connectionId", connectionId)
                        .addValue("after", afterId)
                        .addValue("limit", limit),
                (rs, n) -> new ExportableDocument<>(rs.getLong("id"), rs.getString("company"),
                        rs.getString("connection_id"), kind.readTerms(rs), rs.getString("reference_number"),
                        rs.getString("vendor_id"), rs.getString("project_id"), rs.getString("description"),
                        rs.getObject("doc_date", LocalDate.class), List.of(), rs.getString("export_state")));
        if (heads.isEmpty()) {
            return heads;
        }
        Map<Long, List<L>> lines = lines(heads.stream().map(ExportableDocument::id).toList());
        return heads.stream().map(h -> h.withLines(lines.getOrDefault(h.id(), List.of()))).toList();
    }

    /** The fields every document has, and the kind's own, as named parameters. */
    private MapSqlParameterSource head(long companyId, ValidDocument<T, L> document) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("companyId", companyId)
                .addValue("connectionId", document.connection().id())
                .addValue("reference", document.reference())
                .addValue("vendorId", document.vendorId())
                .addValue("projectId", document.projectId())
                .addValue("description", document.description(), Types.VARCHAR)
                .addValue("date", document.date());
        kind.bindTerms(document.terms(), params);
        return params;
    }

    private Map<Long, List<L>> lines(List<Long> ids) {
        Map<Long, List<L>> lines = new HashMap<>();
        jdbc.query(sql.get(kind.sqlFile("lines-select.sql")), Map.of("documentIds", ids), rs -> {
            lines.computeIfAbsent(rs.getLong("document_id"), k -> new ArrayList<>()).add(kind.readLine(rs,
                    rs.getString("project_task_id"), rs.getString("cost_code"), rs.getString("description"),
                    money(rs.getBigDecimal("amount"))));
        });
        return lines;
    }

    private DocumentView<T, L> view(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        String exportState = rs.getString("export_state");
        ItemExport export = exportState == null ? null : new ItemExport(rs.getString("connection_id"), exportState,
                rs.getString("export_code"), rs.getString("export_message"), instant(rs, "export_updated_at"));
        return new DocumentView<>(id, kind.approvalKind().itemId(id), rs.getString("company"),
                rs.getString("connection_id"), kind.readTerms(rs), rs.getString("reference_number"),
                rs.getString("vendor_id"), rs.getString("project_id"), rs.getString("description"),
                rs.getObject("doc_date", LocalDate.class), money(rs.getBigDecimal("total")), rs.getInt("line_count"),
                effectiveState(rs.getString("state"), exportState), rs.getString("decided_by"),
                instant(rs, "decided_at"), rs.getString("reason"), rs.getString("created_by"),
                instant(rs, "created_at"), instant(rs, "updated_at"), export, null);
    }
}
