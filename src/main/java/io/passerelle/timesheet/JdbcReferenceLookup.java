package io.passerelle.timesheet;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.run.SqlFiles;
import io.passerelle.sync.SyncedKeys;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * {@link ReferenceLookup} on the integration database: one query per kind. Synced records are found through
 * {@link SyncedKeys}, the lookup financial documents use too.
 */
@Repository
public class JdbcReferenceLookup implements ReferenceLookup {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final SyncedKeys synced;

    public JdbcReferenceLookup(NamedParameterJdbcTemplate jdbc, SqlFiles sql, SyncedKeys synced) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.synced = synced;
    }

    @Override
    public Optional<Long> companyId(String code) {
        return jdbc.queryForList(sql.get("sql/timesheet/company-id.sql"), Map.of("code", code), Long.class)
                .stream().findFirst();
    }

    @Override
    public Map<String, Long> employees(long companyId, Collection<String> matchKeys) {
        return ids(CanonicalEntity.EMPLOYEE, companyId, matchKeys);
    }

    @Override
    public Map<String, Long> projects(long companyId, Collection<String> matchKeys) {
        return ids(CanonicalEntity.PROJECT, companyId, matchKeys);
    }

    @Override
    public Map<String, List<String>> linkedProjects(long companyId, Collection<String> platformKeys) {
        Map<String, List<String>> linked = new HashMap<>();
        if (platformKeys.isEmpty()) {
            return linked;
        }
        jdbc.query(sql.get("sql/timesheet/linked-projects.sql"),
                new MapSqlParameterSource("companyId", companyId).addValue("codes", platformKeys), rs -> {
                    linked.computeIfAbsent(rs.getString("platform_code"), code -> new ArrayList<>())
                            .add(rs.getString("erp_code"));
                });
        return linked;
    }

    @Override
    public Map<String, Long> activities(long companyId, Collection<String> compositeKeys) {
        return ids(CanonicalEntity.ACTIVITY, companyId, compositeKeys);
    }

    @Override
    public Map<String, Long> serviceCodes(long companyId, Collection<String> matchKeys) {
        return ids(CanonicalEntity.SERVICE_CODE, companyId, matchKeys);
    }

    @Override
    public Map<String, Long> trades(long companyId, Collection<String> matchKeys) {
        return ids(CanonicalEntity.TRADE, companyId, matchKeys);
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

    private Map<String, Long> ids(CanonicalEntity entity, long companyId, Collection<String> matchKeys) {
        Map<String, Long> ids = new HashMap<>();
        synced.find(companyId, entity, matchKeys).forEach((key, record) -> ids.put(key, record.id()));
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
