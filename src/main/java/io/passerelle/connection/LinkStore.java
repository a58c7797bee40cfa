package io.passerelle.connection;

import io.passerelle.run.RunStore;
import io.passerelle.run.Timestamps;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Stores each connection's {@link LinkState} in {@code connection_link}; a connection without a row has
 * {@link LinkState#NOT_CHECKED}. Callers hold the connection's row lock when they write, so that two writes of one
 * link come one after the other.
 */
@Repository
class LinkStore {

    private static final int MAX_MESSAGE = 2000;

    private final NamedParameterJdbcTemplate jdbc;
    private final ConnectionSql sql;

    LinkStore(NamedParameterJdbcTemplate jdbc, ConnectionSql sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    LinkState find(String connectionId) {
        return jdbc.query(sql.get("link-select"), new MapSqlParameterSource("connectionId", connectionId),
                (rs, row) -> state(rs)).stream().findFirst().orElse(LinkState.NOT_CHECKED);
    }

    /** The stored links of the live connections, by connection id. */
    Map<String, LinkState> findLive() {
        Map<String, LinkState> links = new LinkedHashMap<>();
        jdbc.query(sql.get("link-select-live"), rs -> {
            links.put(rs.getString("connection_id"), state(rs));
        });
        return links;
    }

    void save(String connectionId, LinkState state) {
        MapSqlParameterSource row = new MapSqlParameterSource("connectionId", connectionId)
                .addValue("status", state.status().name())
                .addValue("message", RunStore.truncate(state.message(), MAX_MESSAGE), Types.VARCHAR)
                .addValue("checkedAt", Timestamps.utc(state.checkedAt()), Types.TIMESTAMP_WITH_TIMEZONE);
        if (jdbc.update(sql.get("link-update"), row) == 0) {
            jdbc.update(sql.get("link-insert"), row);
        }
    }

    private static LinkState state(ResultSet rs) throws SQLException {
        OffsetDateTime checkedAt = rs.getObject("checked_at", OffsetDateTime.class);
        return new LinkState(LinkStatus.valueOf(rs.getString("status")), rs.getString("message"),
                checkedAt == null ? null : checkedAt.toInstant());
    }
}
