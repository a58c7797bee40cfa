package io.passerelle.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.SearchText;
import io.passerelle.run.SqlFiles;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The records API: what a connection's (or a company's) syncs wrote, with each record's remote key and last sync. */
@Repository
public class SyncedRecords implements RecordReader {

    private static final int MAX_LIMIT = 1000;
    /** Columns that hold JSON, given as JSON: a trade's rates, a purchase order's lines. */
    private static final java.util.Set<String> JSON_COLUMNS = java.util.Set.of("rates", "lines");

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final ObjectMapper mapper;

    private final SyncTargets targets;

    public SyncedRecords(NamedParameterJdbcTemplate jdbc, SqlFiles sql, ObjectMapper mapper, SyncTargets targets) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.mapper = mapper;
        this.targets = targets;
    }

    /**
     * The connection's records, in each company it writes to (its own; each ERP company of one that reaches several),
     * merged by id as {@link #listOfCompany} merges connections.
     */
    @Override
    public RecordPage list(String connectionId, String entityName, String q, int limit, Long after) {
        CanonicalEntity entity = entity(entityName);
        int pageSize = pageSize(limit);
        List<SyncTarget> companies = targets.all(connectionId);
        if (entity == CanonicalEntity.COMPANY) {
            companies = companies.stream().limit(1).toList(); // the companies it reaches: one list, whatever the company
        }
        TreeMap<Long, Map<String, Object>> byId = new TreeMap<>();
        for (SyncTarget company : companies) {
            for (Map<String, Object> row : rows(connectionId, company.companyId(), entity, q, pageSize, after)) {
                byId.putIfAbsent(((Number) row.get("id")).longValue(), row);
            }
        }
        return page(new ArrayList<>(byId.values()), pageSize);
    }

    /**
     * The company's records are each connection's of it, merged by id: each connection's page holds the first
     * {@code limit + 1} of its records after {@code after}, so the first {@code limit} of them all are among them,
     * and so is the one after those when there is one.
     */
    @Override
    public RecordPage listOfCompany(long companyId, String entityName, String q, int limit, Long after) {
        CanonicalEntity entity = entity(entityName);
        int pageSize = pageSize(limit);
        List<String> connections = jdbc.queryForList(sql.get("sql/sync/company-connections.sql"),
                Map.of("companyId", companyId), String.class);
        TreeMap<Long, Map<String, Object>> byId = new TreeMap<>();
        for (String connectionId : connections) {
            for (Map<String, Object> row : rows(connectionId, companyId, entity, q, pageSize, after)) {
                byId.putIfAbsent(((Number) row.get("id")).longValue(), row);
            }
        }
        return page(new ArrayList<>(byId.values()), pageSize);
    }

    private static CanonicalEntity entity(String entityName) {
        return CanonicalEntity.byApiName(entityName).orElseThrow(() -> new UnknownEntityException(entityName));
    }

    private static int pageSize(int limit) {
        return Math.max(1, Math.min(MAX_LIMIT, limit));
    }

    /** Up to {@code pageSize + 1} rows, so that the page knows whether one follows. */
    private List<Map<String, Object>> rows(String connectionId, long companyId, CanonicalEntity entity, String q,
            int pageSize, Long after) {
        MapSqlParameterSource params = new MapSqlParameterSource("connectionId", connectionId)
                .addValue("companyId", companyId)
                .addValue("after", after == null ? 0 : after)
                .addValue("pattern", SearchText.likePattern(q))
                .addValue("limit", pageSize + 1);
        return jdbc.query(sql.get("sql/records/" + entity.table() + ".sql"), params, this::toItem);
    }

    private static RecordPage page(List<Map<String, Object>> rows, int pageSize) {
        String next = null;
        if (rows.size() > pageSize) {
            rows = rows.subList(0, pageSize);
            next = String.valueOf(rows.get(pageSize - 1).get("id"));
        }
        return new RecordPage(rows, next);
    }

    private Map<String, Object> toItem(ResultSet rs, int row) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> item = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String column = meta.getColumnLabel(i).toLowerCase(Locale.ROOT);
            Object value = rs.getObject(i);
            if (value instanceof Timestamp timestamp) {
                value = timestamp.toInstant();
            } else if (value instanceof java.time.OffsetDateTime offset) {
                value = offset.toInstant();
            } else if (JSON_COLUMNS.contains(column) && value instanceof String json) {
                value = parse(json);
            } else if ("custom_fields".equals(column)) {
                // always an object, empty when the connection's route keeps none, so that clients need no null check
                value = value instanceof String json ? parse(json) : mapper.createObjectNode();
            }
            item.put(camelCase(column), value);
        }
        return item;
    }

    private Object parse(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }
}
