package io.passerelle.connection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The schedules each live connection should have running, read straight from the database (no credentials to
 * decrypt): its stored flow → cron, or none while it is unlinked. What {@link ScheduleRoutes#reconcile} compares with
 * what this instance runs.
 */
@Component
class ScheduleState {

    private static final TypeReference<LinkedHashMap<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final NamedParameterJdbcTemplate jdbc;
    private final ConnectionSql sql;
    private final ObjectMapper json;

    ScheduleState(NamedParameterJdbcTemplate jdbc, ConnectionSql sql, ObjectMapper json) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.json = json;
    }

    /** Connection id → the schedules it should have running (empty when it has none or is unlinked). */
    Map<String, Map<String, String>> running() {
        Map<String, Map<String, String>> state = new LinkedHashMap<>();
        jdbc.query(sql.get("connection-schedule-state"), Map.of(), rs -> {
            boolean unlinked = LinkStatus.UNLINKED.name().equals(rs.getString("link_status"));
            state.put(rs.getString("id"), unlinked ? Map.of() : read(rs.getString("schedules")));
        });
        return state;
    }

    private Map<String, String> read(String schedules) {
        try {
            return schedules == null ? Map.of() : json.readValue(schedules, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored schedules", e);
        }
    }
}
