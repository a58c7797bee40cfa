package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.run.SqlFiles;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link SyncedKeys} on the integration database: {@code sql/synced/<table>.sql}, one query per call. */
@Repository
public class JdbcSyncedKeys implements SyncedKeys {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;

    public JdbcSyncedKeys(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    @Override
    public Optional<Long> companyOfConnection(String connectionId) {
        return jdbc.queryForList(sql.get("sql/sync/connection-company.sql"), Map.of("connectionId", connectionId),
                Long.class).stream().findFirst();
    }

    @Override
    public Map<String, SyncedKey> find(long companyId, CanonicalEntity entity, Collection<String> matchKeys) {
        Map<String, SyncedKey> found = new HashMap<>();
        if (matchKeys.isEmpty()) {
            return found;
        }
        jdbc.query(sql.get("sql/synced/" + entity.table() + ".sql"), new MapSqlParameterSource("companyId", companyId)
                .addValue("matchKeys", SqlFiles.keyRows(matchKeys)), rs -> {
                    found.put(rs.getString("match_key"), new SyncedKey(rs.getLong("id"), rs.getString("code"),
                            rs.getString("status")));
                });
        return found;
    }
}
