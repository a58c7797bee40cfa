package io.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** What a hand-written job maps an Avantage employee to: its columns, no normalisation, no hash. */
final class EmployeeRow {

    private EmployeeRow() {
    }

    static Map<String, Object> params(JsonNode item) {
        Map<String, Object> row = new HashMap<>(16);
        row.put("number", item.path("number").asText());
        row.put("firstName", text(item, "firstName"));
        row.put("lastName", text(item, "lastName"));
        row.put("email", text(item, "email"));
        row.put("tradeCode", text(item, "trade"));
        row.put("competency", text(item, "competency"));
        row.put("active", item.path("active").asBoolean(true));
        row.put("modifiedAt", modifiedAt(item));
        return row;
    }

    static void bind(PreparedStatement insert, JsonNode item) throws SQLException {
        insert.setString(1, item.path("number").asText());
        insert.setString(2, text(item, "firstName"));
        insert.setString(3, text(item, "lastName"));
        insert.setString(4, text(item, "email"));
        insert.setString(5, text(item, "trade"));
        insert.setString(6, text(item, "competency"));
        insert.setBoolean(7, item.path("active").asBoolean(true));
        insert.setObject(8, modifiedAt(item), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    private static OffsetDateTime modifiedAt(JsonNode item) {
        return Instant.parse(item.path("modifiedAt").asText()).atOffset(ZoneOffset.UTC);
    }

    private static String text(JsonNode item, String field) {
        JsonNode value = item.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
