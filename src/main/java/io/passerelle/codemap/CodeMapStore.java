package io.passerelle.codemap;

import io.passerelle.run.SqlFiles;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/** {@code code_map} rows and the synced ERP codes they may name. Callers provide the transaction. */
@Repository
public class CodeMapStore {

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;

    public CodeMapStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    public Optional<Long> companyOf(String connectionId) {
        return jdbc.queryForList(sql.get("sql/codemap/connection-company.sql"),
                Map.of("connectionId", connectionId), Long.class).stream().findFirst();
    }

    public List<CodeMapEntry> entries(String connectionId, CodeMapKind kind) {
        return jdbc.query(sql.get("sql/codemap/select.sql"), key(connectionId, kind), (rs, row) -> new CodeMapEntry(
                rs.getString("platform_code"), rs.getString("erp_code"),
                kind.hasRegular() ? rs.getBoolean("is_regular") : null));
    }

    public void replace(String connectionId, CodeMapKind kind, List<CodeMapEntry> entries) {
        jdbc.update(sql.get("sql/codemap/delete.sql"), key(connectionId, kind));
        if (entries.isEmpty()) {
            return;
        }
        SqlParameterSource[] rows = entries.stream()
                .map(e -> key(connectionId, kind)
                        .addValue("platformCode", e.platformCode())
                        .addValue("erpCode", e.erpCode())
                        .addValue("regular", e.markedRegular()))
                .toArray(SqlParameterSource[]::new);
        jdbc.batchUpdate(sql.get("sql/codemap/insert.sql"), rows);
    }

    /** The entries of the connection's map of the kind for these platform codes (match keys): platform → ERP code. */
    public Map<String, String> links(String connectionId, CodeMapKind kind, Collection<String> platformCodes) {
        Map<String, String> found = new HashMap<>();
        jdbc.query(sql.get("sql/codemap/select-codes.sql"), key(connectionId, kind).addValue("platformCodes", platformCodes),
                rs -> {
                    found.put(rs.getString("platform_code"), rs.getString("erp_code"));
                });
        return found;
    }

    public Optional<String> regular(String connectionId) {
        return jdbc.queryForList(sql.get("sql/codemap/regular.sql"), Map.of("connectionId", connectionId),
                String.class).stream().findFirst();
    }

    /** The company's synced ERP codes of the kind among {@code matchKeys}: match key → ERP spelling. */
    public Map<String, String> erpCodes(long companyId, CodeMapKind kind, Collection<String> matchKeys) {
        Map<String, String> found = new HashMap<>();
        if (matchKeys.isEmpty()) {
            return found;
        }
        String file = switch (kind) {
            case HOUR_TYPES -> "sql/codemap/hour-type-codes.sql";
            case EARNINGS -> "sql/codemap/earning-codes.sql";
            case PROJECTS -> "sql/codemap/project-numbers.sql";
        };
        jdbc.query(sql.get(file), new MapSqlParameterSource("companyId", companyId).addValue("matchKeys", matchKeys),
                rs -> {
                    found.put(rs.getString("match_key"), rs.getString("code"));
                });
        return found;
    }

    /** Every synced project of the company, one by one: the suggestions compare them in memory. */
    public void companyProjects(long companyId, Consumer<ProjectMatcher.ErpProject> each) {
        jdbc.query(sql.get("sql/codemap/company-projects.sql"), Map.of("companyId", companyId), rs -> {
            each.accept(new ProjectMatcher.ErpProject(rs.getString("number"), rs.getString("name"),
                    rs.getString("status")));
        });
    }

    /** The platform projects the projects maps of the company's live connections name. */
    public List<String> linkedPlatformProjects(long companyId) {
        return jdbc.queryForList(sql.get("sql/codemap/linked-platform-projects.sql"), Map.of("companyId", companyId),
                String.class);
    }

    /**
     * The projects the company's timesheet lines name without a synced project, and those the connection's
     * commitments and invoices name, raw: synced ERP projects are among the latter.
     */
    public List<String> namedProjects(long companyId, String connectionId) {
        return jdbc.queryForList(sql.get("sql/codemap/named-projects.sql"),
                Map.of("companyId", companyId, "connectionId", connectionId), String.class);
    }

    private static MapSqlParameterSource key(String connectionId, CodeMapKind kind) {
        return new MapSqlParameterSource("connectionId", connectionId).addValue("kind", kind.stored());
    }
}
