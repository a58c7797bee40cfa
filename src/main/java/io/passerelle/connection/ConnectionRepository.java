package io.passerelle.connection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Stores connections in {@code connection}, {@code connection_endpoint} and {@code company} (upserted by code).
 * Credentials go in as encrypted JSON and come out decrypted; they exist in clear text only in memory.
 * Callers provide the transaction.
 */
@Repository
public class ConnectionRepository {

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };
    private static final TypeReference<LinkedHashMap<String, Object>> OBJECT_MAP = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ConnectionSql sql;
    private final CredentialCipher cipher;
    private final ObjectMapper json;

    public ConnectionRepository(NamedParameterJdbcTemplate jdbc, ConnectionSql sql, CredentialCipher cipher,
            ObjectMapper json) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.cipher = cipher;
        this.json = json;
    }

    public List<Connection> findAll() {
        Map<String, List<Endpoint>> endpoints = new LinkedHashMap<>();
        jdbc.query(sql.get("endpoint-select-all"), rs -> {
            endpoints.computeIfAbsent(rs.getString("connection_id"), id -> new ArrayList<>()).add(endpoint(rs));
        });
        return jdbc.query(sql.get("connection-select-all"),
                (rs, row) -> connection(rs, endpoints.getOrDefault(rs.getString("id"), List.of())));
    }

    public Optional<Connection> findById(String id) {
        List<Endpoint> endpoints = jdbc.query(sql.get("endpoint-select-by-connection"),
                new MapSqlParameterSource("connectionId", id), (rs, row) -> endpoint(rs));
        return jdbc.query(sql.get("connection-select-by-id"), new MapSqlParameterSource("id", id),
                (rs, row) -> connection(rs, endpoints)).stream().findFirst();
    }

    /** Whose each live connection is, in id order; no credentials are read. */
    public List<Ownership> ownerships() {
        return jdbc.query(sql.get("connection-ownerships"), (rs, row) -> ownership(rs));
    }

    /** Whose the live connection is; empty when there is none of that id or it is archived. */
    public Optional<Ownership> ownership(String id) {
        return jdbc.query(sql.get("connection-ownership"), new MapSqlParameterSource("id", id),
                (rs, row) -> ownership(rs)).stream().findFirst();
    }

    private static Ownership ownership(ResultSet rs) throws SQLException {
        return new Ownership(rs.getString("id"), rs.getString("owner"), rs.getBoolean("allow_others_to_edit"));
    }

    public boolean exists(String id) {
        Long count = jdbc.queryForObject(sql.get("connection-count-by-id"), new MapSqlParameterSource("id", id), Long.class);
        return count != null && count > 0;
    }

    public void insert(Connection connection) {
        jdbc.update(sql.get("connection-insert"), connectionParameters(connection)
                .addValue("createdAt", utc(connection.createdAt())));
        insertEndpoints(connection);
    }

    public void update(Connection connection) {
        jdbc.update(sql.get("connection-update"), connectionParameters(connection));
        jdbc.update(sql.get("endpoint-delete-by-connection"), new MapSqlParameterSource("connectionId", connection.id()));
        insertEndpoints(connection);
    }

    /**
     * Answers whether there was such a connection. Endpoints, code maps, cursors, remote references and ledger
     * rows go with it (foreign keys on delete cascade): only for a connection without history, see
     * {@link #history}.
     */
    public boolean delete(String id) {
        return jdbc.update(sql.get("connection-delete"), new MapSqlParameterSource("id", id)) > 0;
    }

    /**
     * Locks the connection's row (live or archived) until the caller's transaction ends, and answers what it holds;
     * empty when there is no such row.
     */
    Optional<StoredRow> lock(String id) {
        return jdbc.query(sql.get("connection-lock"), new MapSqlParameterSource("id", id), (rs, row) -> new StoredRow(
                rs.getString("erp"), rs.getLong("company_id"), instant(rs, "archived_at"), rs.getString("archived_by"),
                new Ownership(id, rs.getString("owner"), rs.getBoolean("allow_others_to_edit"))))
                .stream().findFirst();
    }

    /**
     * As {@link #lock}, for a connection that must be live.
     *
     * @throws ConnectionArchivedException when it is archived
     * @throws ConnectionNotFoundException when there is no such connection
     */
    StoredRow lockLive(String id) {
        StoredRow row = lock(id).orElseThrow(() -> new ConnectionNotFoundException(id));
        if (row.archived()) {
            throw new ConnectionArchivedException(id, row.archivedAt());
        }
        return row;
    }

    /** The code of the company with that id. */
    String companyCode(long companyId) {
        return jdbc.queryForObject(sql.get("company-code"), new MapSqlParameterSource("id", companyId), String.class);
    }

    /**
     * Whether the company is one an ERP names (it has the ERP's key of it): the company a connection reaching several
     * became (see sync.SyncTargets), not the one its document named.
     */
    boolean companyNamedByErp(long companyId) {
        return jdbc.queryForObject(sql.get("company-erp-key"), new MapSqlParameterSource("id", companyId),
                String.class) != null;
    }

    /** The archived connection of that id, if there is one. */
    Optional<ArchivedConnection> findArchived(String id) {
        return jdbc.query(sql.get("connection-archived"), new MapSqlParameterSource("id", id),
                (rs, row) -> new ArchivedConnection(id, rs.getString("erp"), rs.getString("company_code"),
                        instant(rs, "archived_at"), rs.getString("archived_by"))).stream().findFirst();
    }

    /** Marks the connection archived and stores its credentials empty (encrypted as any others). */
    void archive(String id, Instant at, String by) {
        jdbc.update(sql.get("connection-archive"), new MapSqlParameterSource("id", id)
                .addValue("archivedAt", utc(at))
                .addValue("archivedBy", by, Types.VARCHAR)
                .addValue("credentials", cipher.encrypt(write(Map.of()), id)));
    }

    /** Stores {@code connection} over its archived row and makes it live again; everything keyed by its id stays. */
    void restore(Connection connection) {
        update(connection);
        jdbc.update(sql.get("connection-unarchive"), new MapSqlParameterSource("id", connection.id()));
    }

    ConnectionHistory history(String id) {
        return jdbc.queryForObject(sql.get("connection-history"), new MapSqlParameterSource("id", id),
                (rs, row) -> new ConnectionHistory(rs.getLong("runs"), rs.getLong("export_items"),
                        rs.getLong("unanswered_batches"), rs.getLong("records"), rs.getLong("cursors"),
                        rs.getLong("documents")));
    }

    /** The connection's runs still RUNNING in the database, whichever instance runs them. */
    List<ConnectionBusyException.RunGoing> runsGoing(String id) {
        return jdbc.query(sql.get("connection-runs-going"), new MapSqlParameterSource("id", id),
                (rs, row) -> new ConnectionBusyException.RunGoing(rs.getLong("id"), rs.getString("flow")));
    }

    /** A connection's row as {@link #lock} finds it. */
    record StoredRow(String erp, long companyId, Instant archivedAt, String archivedBy, Ownership ownership) {

        boolean archived() {
            return archivedAt != null;
        }
    }

    /** What is left of an archived connection besides its history: what it was, and when it was archived. */
    record ArchivedConnection(String id, String erp, String companyCode, Instant archivedAt, String archivedBy) {
    }

    private MapSqlParameterSource connectionParameters(Connection connection) {
        return new MapSqlParameterSource()
                .addValue("id", connection.id())
                .addValue("companyId", upsertCompany(connection.company()))
                .addValue("erp", connection.erp())
                .addValue("credentials", cipher.encrypt(write(connection.credentials()), connection.id()))
                .addValue("schedules", write(connection.schedules()))
                .addValue("options", write(connection.options()))
                .addValue("owner", connection.owner())
                .addValue("allowOthersToEdit", connection.allowOthersToEdit())
                .addValue("updatedAt", utc(connection.updatedAt()));
    }

    private long upsertCompany(Company company) {
        MapSqlParameterSource byCode = new MapSqlParameterSource("code", company.code()).addValue("name", company.name());
        List<Map<String, Object>> found = jdbc.queryForList(sql.get("company-find-by-code"), byCode);
        if (found.isEmpty()) {
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(sql.get("company-insert"), byCode, key, new String[] {"id"});
            return key.getKeyAs(Number.class).longValue();
        }
        long id = ((Number) found.get(0).get("id")).longValue();
        if (!company.name().equals(found.get(0).get("name"))) {
            jdbc.update(sql.get("company-rename"), new MapSqlParameterSource("id", id).addValue("name", company.name()));
        }
        return id;
    }

    private void insertEndpoints(Connection connection) {
        List<Endpoint> endpoints = connection.endpoints();
        MapSqlParameterSource[] rows = new MapSqlParameterSource[endpoints.size()];
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            rows[i] = new MapSqlParameterSource("connectionId", connection.id())
                    .addValue("name", endpoint.name())
                    .addValue("url", endpoint.url())
                    .addValue("isDefault", endpoint.isDefault())
                    .addValue("position", i);
        }
        jdbc.batchUpdate(sql.get("endpoint-insert"), rows);
    }

    private Connection connection(ResultSet rs, List<Endpoint> endpoints) throws SQLException {
        String id = rs.getString("id");
        return new Connection(
                id,
                new Company(rs.getString("company_code"), rs.getString("company_name")),
                rs.getString("erp"),
                List.copyOf(endpoints),
                read(cipher.decrypt(rs.getString("credentials"), id), STRING_MAP),
                read(rs.getString("schedules"), STRING_MAP),
                read(rs.getString("options"), OBJECT_MAP),
                rs.getString("owner"),
                rs.getBoolean("allow_others_to_edit"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Endpoint endpoint(ResultSet rs) throws SQLException {
        return new Endpoint(rs.getString("name"), rs.getString("url"), rs.getBoolean("is_default"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private String write(Map<String, ?> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write connection data as JSON", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            // never include the text: for credentials it is the decrypted secret
            throw new IllegalStateException("stored connection data is not valid JSON");
        }
    }
}
