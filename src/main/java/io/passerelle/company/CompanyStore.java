package io.passerelle.company;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.run.SqlFiles;
import io.passerelle.run.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Platform companies, the connections' view of them ({@code connection_company}) and their relations, in
 * {@code sql/company/*.sql}. Callers provide the transaction.
 */
@Repository
class CompanyStore {

    private static final String SQL = "sql/company/";

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final ObjectMapper json;

    CompanyStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql, ObjectMapper json) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.json = json;
    }

    /** A company row as the import finds it: what it is known by. */
    record Identity(long id, String code, String number, String numberKey, String erp, String erpKey) {
    }

    /** A connection's company as its last import left it. */
    record Link(long id, String matchKey, long companyId, boolean selected, String contentHash) {
    }

    /** A company as the API shows it, before its connections and relations are added. */
    record Row(long id, String code, String name, String number, String numberKey, Boolean numberValid,
            String legalForm, JsonNode address, LocalDate generalAssemblyDate) {

        /** The enterprise number as stored, or null when the company has none. */
        EnterpriseNumber enterpriseNumber() {
            return EnterpriseNumber.parse(number).orElse(null);
        }
    }

    /** One company a connection reaches. */
    record ConnectionCompany(long id, String erpCompanyId, String matchKey, String name, String number,
            boolean selected, long companyId) {
    }

    Optional<String> erpOf(String connectionId) {
        return jdbc.queryForList(sql.get("sql/sync/connection-erp.sql"), Map.of("connectionId", connectionId), String.class)
                .stream().findFirst();
    }

    Map<String, Link> links(String connectionId, Collection<String> matchKeys) {
        Map<String, Link> links = new HashMap<>();
        if (matchKeys.isEmpty()) {
            return links;
        }
        jdbc.query(sql.get(SQL + "links.sql"), new MapSqlParameterSource("connectionId", connectionId)
                .addValue("matchKeys", SqlFiles.keyRows(matchKeys)), rs -> {
                    links.put(rs.getString("match_key"), new Link(rs.getLong("id"), rs.getString("match_key"),
                            rs.getLong("company_id"), rs.getBoolean("selected"), rs.getString("content_hash")));
                });
        return links;
    }

    /** Another ERP company of the connection that is the same platform company, if there is one. */
    Optional<String> otherLink(String connectionId, long companyId, String matchKey) {
        return jdbc.queryForList(sql.get(SQL + "other-link.sql"), new MapSqlParameterSource("connectionId", connectionId)
                .addValue("companyId", companyId).addValue("matchKey", matchKey), String.class).stream().findFirst();
    }

    Optional<Identity> byNumberKey(String numberKey) {
        return identity("find-by-number-key.sql", new MapSqlParameterSource("numberKey", numberKey));
    }

    Optional<Identity> byErpKey(String erp, String erpKey) {
        return identity("find-by-erp-key.sql", new MapSqlParameterSource("erp", erp).addValue("erpKey", erpKey));
    }

    Optional<Identity> byCode(String code) {
        return identity("find-by-code.sql", new MapSqlParameterSource("code", code));
    }

    private Optional<Identity> identity(String file, MapSqlParameterSource params) {
        return jdbc.query(sql.get(SQL + file), params, (rs, n) -> new Identity(rs.getLong("id"), rs.getString("code"),
                rs.getString("number"), rs.getString("number_key"), rs.getString("erp"), rs.getString("erp_key")))
                .stream().findFirst();
    }

    void lock(long companyId) {
        jdbc.queryForList(sql.get(SQL + "lock.sql"), Map.of("id", companyId), Long.class);
    }

    /** What an import writes of a company. */
    record CompanyValues(String name, String number, String numberKey, Boolean numberValid, String legalForm,
            JsonNode address, LocalDate generalAssemblyDate, String erp, String erpKey, String searchText) {
    }

    long insert(String code, CompanyValues values, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(sql.get(SQL + "insert.sql"), companyParams(values, now).addValue("code", code), key,
                new String[] {"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    void update(long id, CompanyValues values, Instant now) {
        jdbc.update(sql.get(SQL + "update.sql"), companyParams(values, now).addValue("id", id));
    }

    private MapSqlParameterSource companyParams(CompanyValues values, Instant now) {
        return new MapSqlParameterSource()
                .addValue("name", values.name())
                .addValue("number", values.number(), Types.VARCHAR)
                .addValue("numberKey", values.numberKey(), Types.VARCHAR)
                .addValue("numberValid", values.numberValid(), Types.BOOLEAN)
                .addValue("legalForm", values.legalForm(), Types.VARCHAR)
                .addValue("address", values.address() == null ? null : values.address().toString(), Types.VARCHAR)
                .addValue("generalAssemblyDate", values.generalAssemblyDate(), Types.DATE)
                .addValue("erp", values.erp(), Types.VARCHAR)
                .addValue("erpKey", values.erpKey(), Types.VARCHAR)
                .addValue("searchText", values.searchText(), Types.VARCHAR)
                .addValue("now", Timestamps.utc(now));
    }

    /** What an import writes of the connection's view of a company. */
    record LinkValues(String connectionId, String matchKey, String erpCompanyId, long companyId, String name,
            String companyName, String number, String legalForm, String language, String uniqueIdentifier,
            String contentHash, Instant remoteModifiedAt, String customFields, String searchText) {
    }

    void insertLink(LinkValues values, Instant now) {
        jdbc.update(sql.get(SQL + "link-insert.sql"), linkParams(values, now));
    }

    void updateLink(long id, LinkValues values, Instant now) {
        jdbc.update(sql.get(SQL + "link-update.sql"), linkParams(values, now).addValue("id", id));
    }

    private static MapSqlParameterSource linkParams(LinkValues values, Instant now) {
        return new MapSqlParameterSource()
                .addValue("connectionId", values.connectionId())
                .addValue("matchKey", values.matchKey())
                .addValue("erpCompanyId", values.erpCompanyId())
                .addValue("companyId", values.companyId())
                .addValue("name", values.name(), Types.VARCHAR)
                .addValue("companyName", values.companyName(), Types.VARCHAR)
                .addValue("number", values.number(), Types.VARCHAR)
                .addValue("legalForm", values.legalForm(), Types.VARCHAR)
                .addValue("language", values.language(), Types.VARCHAR)
                .addValue("uniqueIdentifier", values.uniqueIdentifier(), Types.VARCHAR)
                .addValue("contentHash", values.contentHash())
                .addValue("remoteModifiedAt", Timestamps.utc(values.remoteModifiedAt()), Types.TIMESTAMP_WITH_TIMEZONE)
                .addValue("customFields", values.customFields(), Types.VARCHAR)
                .addValue("searchText", values.searchText(), Types.VARCHAR)
                .addValue("now", Timestamps.utc(now));
    }

    List<Relation> relations(long companyId) {
        return jdbc.query(sql.get(SQL + "relations.sql"), Map.of("companyId", companyId), (rs, n) -> relation(rs));
    }

    Optional<Relation> relation(long companyId, long relationId) {
        return jdbc.query(sql.get(SQL + "relation-select.sql"), Map.of("companyId", companyId, "id", relationId),
                (rs, n) -> relation(rs)).stream().findFirst();
    }

    long insertRelation(long companyId, RelationFields fields, RelationSource source, String connectionId,
            String remoteId, Long duplicateOf, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(sql.get(SQL + "relation-insert.sql"), relationParams(fields, connectionId, remoteId, duplicateOf, now)
                .addValue("companyId", companyId).addValue("source", source.name()), key, new String[] {"id"});
        return key.getKeyAs(Number.class).longValue();
    }

    void updateRelation(long id, RelationFields fields, String connectionId, String remoteId, Long duplicateOf,
            Instant now) {
        jdbc.update(sql.get(SQL + "relation-update.sql"),
                relationParams(fields, connectionId, remoteId, duplicateOf, now).addValue("id", id));
    }

    void endRelation(long id, LocalDate today, Instant now) {
        jdbc.update(sql.get(SQL + "relation-end.sql"), new MapSqlParameterSource("id", id).addValue("today", today)
                .addValue("now", Timestamps.utc(now)));
    }

    void removeImportedRelation(long id) {
        jdbc.update(sql.get(SQL + "relation-remove.sql"), Map.of("id", id));
    }

    boolean deleteManualRelation(long companyId, long relationId) {
        return jdbc.update(sql.get(SQL + "relation-delete-manual.sql"), Map.of("companyId", companyId, "id", relationId)) > 0;
    }

    /** Flags the company's current imported relations that {@code manual} repeats; answers how many. */
    int flagDuplicates(long companyId, long manualId, RelationFields manual, LocalDate today, Instant now) {
        return jdbc.update(sql.get(SQL + "relation-flag-duplicates.sql"), new MapSqlParameterSource()
                .addValue("companyId", companyId)
                .addValue("manualId", manualId)
                .addValue("role", manual.role().name())
                .addValue("nameKey", manual.nameKey())
                .addValue("today", today)
                .addValue("now", Timestamps.utc(now)));
    }

    private static MapSqlParameterSource relationParams(RelationFields fields, String connectionId, String remoteId,
            Long duplicateOf, Instant now) {
        return new MapSqlParameterSource()
                .addValue("role", fields.role().name())
                .addValue("type", fields.type().name())
                .addValue("name", fields.name())
                .addValue("nameKey", fields.nameKey())
                .addValue("firstName", fields.firstName(), Types.VARCHAR)
                .addValue("lastName", fields.lastName(), Types.VARCHAR)
                .addValue("startDate", fields.startDate(), Types.DATE)
                .addValue("endDate", fields.endDate(), Types.DATE)
                .addValue("sharePercent", fields.sharePercent(), Types.NUMERIC)
                .addValue("shares", fields.shares(), Types.NUMERIC)
                .addValue("permanentRepresentative", fields.permanentRepresentative(), Types.VARCHAR)
                .addValue("connectionId", connectionId, Types.VARCHAR)
                .addValue("remoteId", remoteId, Types.VARCHAR)
                .addValue("duplicateOf", duplicateOf, Types.BIGINT)
                .addValue("now", Timestamps.utc(now));
    }

    private static Relation relation(ResultSet rs) throws SQLException {
        RelationFields fields = new RelationFields(RelationRole.valueOf(rs.getString("role")),
                RelationType.valueOf(rs.getString("relation_type")), rs.getString("name"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getBigDecimal("share_percent"),
                rs.getBigDecimal("shares"), rs.getString("permanent_representative"));
        Number duplicateOf = (Number) rs.getObject("duplicate_of");
        return new Relation(rs.getLong("id"), fields, RelationSource.valueOf(rs.getString("source")),
                rs.getString("connection_id"), rs.getString("erp"), rs.getString("remote_id"),
                duplicateOf == null ? null : duplicateOf.longValue());
    }

    /** The selected companies a connection imports: id → how the API names it ({@code 0712345678 Bakkerij Janssens}). */
    Map<Long, String> claimable(String connectionId) {
        Map<Long, String> companies = new LinkedHashMap<>();
        jdbc.query(sql.get(SQL + "claimable.sql"), Map.of("connectionId", connectionId), rs -> {
            String number = rs.getString("number_key");
            companies.put(rs.getLong("company_id"), (number == null ? "" : number + " ") + rs.getString("name"));
        });
        return companies;
    }

    // --- the API's reads

    /** @param openConnections the connections whose companies may be listed; null for every company */
    List<Row> search(String pattern, String numberPattern, long after, int limit, Collection<String> openConnections) {
        return jdbc.query(sql.get(SQL + "search.sql"), new MapSqlParameterSource()
                .addValue("pattern", pattern)
                .addValue("byNumber", numberPattern != null)
                .addValue("numberPattern", numberPattern == null ? "" : numberPattern)
                .addValue("everyCompany", openConnections == null)
                .addValue("openConnections", openConnections == null || openConnections.isEmpty() ? List.of("")
                        : openConnections)
                .addValue("after", after)
                .addValue("limit", limit), (rs, n) -> row(rs));
    }

    Optional<Row> find(long id) {
        return jdbc.query(sql.get(SQL + "select.sql"), Map.of("id", id), (rs, n) -> row(rs)).stream().findFirst();
    }

    /** Company id → the live connections that bring it, in id order. */
    Map<Long, List<String>> connectionsOf(Collection<Long> companyIds) {
        Map<Long, List<String>> connections = new HashMap<>();
        if (companyIds.isEmpty()) {
            return connections;
        }
        jdbc.query(sql.get(SQL + "connections-of.sql"), Map.of("companyIds", companyIds), rs -> {
            connections.computeIfAbsent(rs.getLong("company_id"), id -> new ArrayList<>())
                    .add(rs.getString("connection_id"));
        });
        return connections;
    }

    List<ConnectionCompany> connectionCompanies(String connectionId) {
        return jdbc.query(sql.get(SQL + "connection-companies.sql"), Map.of("connectionId", connectionId),
                (rs, n) -> new ConnectionCompany(rs.getLong("id"), rs.getString("erp_company_id"),
                        rs.getString("match_key"), rs.getString("name"), rs.getString("number"),
                        rs.getBoolean("selected"), rs.getLong("company_id")));
    }

    /** The company the connection belongs to, as an item of its companies (its code as the ERP's id of it). */
    Optional<ConnectionCompany> ownCompany(String connectionId) {
        return jdbc.query(sql.get(SQL + "connection-own-company.sql"), Map.of("connectionId", connectionId),
                (rs, n) -> new ConnectionCompany(0, rs.getString("code"), null, rs.getString("name"),
                        rs.getString("number"), true, rs.getLong("id"))).stream().findFirst();
    }

    void select(long linkId, boolean selected) {
        jdbc.update(sql.get(SQL + "selection-update.sql"), Map.of("id", linkId, "selected", selected));
    }

    private Row row(ResultSet rs) throws SQLException {
        Object valid = rs.getObject("number_valid");
        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("number"),
                rs.getString("number_key"), valid == null ? null : rs.getBoolean("number_valid"),
                rs.getString("legal_form"), address(rs.getString("address")),
                rs.getObject("general_assembly_date", LocalDate.class));
    }

    private JsonNode address(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored address is not JSON", e);
        }
    }
}
