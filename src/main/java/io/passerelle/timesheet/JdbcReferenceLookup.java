package io.passerelle.timesheet;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.passerelle.sync.SqlFiles;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** {@link ReferenceLookup} on the integration database: one query per kind. */
@Repository
public class JdbcReferenceLookup implements ReferenceLookup {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;

    public JdbcReferenceLookup(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    @Override
    public Optional<Long> companyId(String code) {
        return jdbc.queryForList(sql.get("sql/timesheet/company-id.sql"), Map.of("code", code), Long.class)
                .stream().findFirst();
    }

    @Override
    public Map<String, Long> employees(long companyId, Collection<String> matchKeys) {
        return ids("sql/timesheet/employee-ids.sql", companyId, matchKeys);
    }

    @Override
    public Map<String, Long> projects(long companyId, Collection<String> matchKeys) {
        return ids("sql/timesheet/project-ids.sql", companyId, matchKeys);
    }

    @Override
    public Map<String, Long> activities(long companyId, Collection<String> compositeKeys) {
        return ids("sql/timesheet/activity-ids.sql", companyId, compositeKeys);
    }

    @Override
    public Map<String, Long> trades(long companyId, Collection<String> matchKeys) {
        return ids("sql/timesheet/trade-ids.sql", companyId, matchKeys);
    }

    @Override
    public Set<String> knownHourTypes(long companyId, Collection<String> codes) {
        return codes("sql/timesheet/known-hour-types.sql", companyId, codes);
    }

    @Override
    public Set<String> knownEarnings(long companyId, Collection<String> codes) {
        return codes("sql/timesheet/known-earnings.sql", companyId, codes);
    }

    @Override
    public Map<String, String> lineOwners(Collection<String> lineIds) {
        Map<String, String> owners = new HashMap<>();
        if (lineIds.isEmpty()) {
            return owners;
        }
        jdbc.query(sql.get("sql/timesheet/line-owners.sql"), Map.of("lineIds", lineIds), rs -> {
            owners.put(rs.getString("id"), rs.getString("timesheet_id"));
        });
        return owners;
    }

    private Map<String, Long> ids(String file, long companyId, Collection<String> matchKeys) {
        Map<String, Long> ids = new HashMap<>();
        if (matchKeys.isEmpty()) {
            return ids;
        }
        jdbc.query(sql.get(file), new MapSqlParameterSource("companyId", companyId).addValue("matchKeys", matchKeys),
                rs -> {
                    ids.put(rs.getString("match_key"), rs.getLong("id"));
                });
        return ids;
    }

    private Set<String> codes(String file, long companyId, Collection<String> codes) {
        Set<String> known = new HashSet<>();
        if (codes.isEmpty()) {
            return known;
        }
        jdbc.query(sql.get(file), new MapSqlParameterSource("companyId", companyId).addValue("codes", codes),
                rs -> {
                    known.add(rs.getString("code"));
                });
        return known;
    }
}
