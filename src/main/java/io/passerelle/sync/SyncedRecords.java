package io.passerelle.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.run.SqlFiles;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The records API: what a connection's syncs wrote, with each record's remote key and last sync. */
@Repository
public class SyncedRecords implements RecordReader {

    private static final int MAX_LIMIT = 1000;

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final ObjectMapper mapper;

    public SyncedRecords(NamedParameterJdbcTemplate jdbc, SqlFiles sql, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.mapper = mapper;
    }

    @Override
    public RecordPage list(String connectionId, String entityName, String q, int limit, Long after) {
        CanonicalEntity entity = CanonicalEntity.byApiName(entityName).orElseThrow(() -> new UnknownEntityException(entityName));
        int pageSize = Math.max(1, Math.min(MAX_LIMIT, limit));
        List<Long> company = jdbc.queryForList(sql.get("sql/sync/connection-company.sql"),
                Map.of("connectionId", connectionId), Long.class);
        if (company.isEmpty()) {
            return new RecordPage(List.of(), null);
        }
        MapSqlParameterSource params = new MapSqlParameterSource("connectionId", connectionId)
                .addValue("companyId", company.get(0))
                .addValue("after", after == null ? 0 : after)
                .addValue("pattern", likePattern(q))
                .addValue("limit", pageSize + 1);
        List<Map<String, Object>> rows = jdbc.query(sql.get("sql/records/" + entity.table() + ".sql"), params, this::toItem);
        String next = null;
        if (rows.size() > pageSize) {
            rows = rows.subList(0, pageSize);
            next = String.valueOf(rows.get(pageSize - 1).get("id"));
        }
        return new RecordPage(rows, next);
    }

    /** {@code q} folded as the stored search text is (see {@link SearchText}), as a LIKE pattern matching it anywhere. */
    static String likePattern(String q) {
        String folded = KeyNormalizer.searchFold(q);
        if (folded == null) {
            return "%";
        }
        return "%" + folded.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
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
            } else if ("rates".equals(column) && value instanceof String json) {
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
