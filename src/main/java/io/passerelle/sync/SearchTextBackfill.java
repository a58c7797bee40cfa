package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.SearchText;
import io.passerelle.run.SqlFiles;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration 11.1: fills {@code search_text} (added by V11) for the rows synced before it existed. In Java because
 * the folding is {@link SearchText}'s, the one the sync engine applies: SQL cannot normalise Unicode, and H2 and
 * PostgreSQL fold case and space differently. A Spring bean, so that Spring Boot hands it to Flyway; it walks each
 * table by id, a page at a time, so that a large table is not held in memory.
 */
@Component
public class SearchTextBackfill implements JavaMigration {

    static final int PAGE = 1000;

    /**
     * The tables V11 gave a search column, and no other: a table created later is written with its search text
     * from its first row, and does not exist yet when this migration runs on a fresh database.
     */
    static final Set<CanonicalEntity> V11_TABLES = EnumSet.of(CanonicalEntity.PROJECT, CanonicalEntity.EMPLOYEE,
            CanonicalEntity.TRADE, CanonicalEntity.ACTIVITY, CanonicalEntity.EARNING, CanonicalEntity.HOUR_TYPE,
            CanonicalEntity.PROJECT_TASK, CanonicalEntity.COST_CODE, CanonicalEntity.VENDOR, CanonicalEntity.CUSTOMER,
            CanonicalEntity.PROJECT_TEMPLATE);

    private final SqlFiles sql;

    public SearchTextBackfill(SqlFiles sql) {
        this.sql = sql;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("11.1");
    }

    @Override
    public String getDescription() {
        return "record search text backfill";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        // Flyway's own connection, inside its transaction: closing it is Flyway's business
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(
                new SingleConnectionDataSource(context.getConnection(), true));
        for (CanonicalEntity entity : V11_TABLES) {
            fill(jdbc, entity);
        }
    }

    private void fill(NamedParameterJdbcTemplate jdbc, CanonicalEntity entity) {
        long after = 0;
        List<SqlParameterSource> updates;
        do {
            updates = new ArrayList<>();
            List<Map<String, Object>> rows = jdbc.queryForList(sql.get(entity.sqlFile("search-rows")),
                    new MapSqlParameterSource("after", after).addValue("limit", PAGE));
            for (Map<String, Object> row : rows) {
                after = ((Number) row.get("id")).longValue();
                Object parentKey = row.get("parent_key");
                String text = SearchText.of(entity, parentKey == null ? null : parentKey.toString(),
                        field -> row.get(column(field)));
                updates.add(new MapSqlParameterSource("id", after).addValue("searchText", text, Types.VARCHAR));
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(sql.get(entity.sqlFile("search-text")), updates.toArray(SqlParameterSource[]::new));
            }
        } while (updates.size() == PAGE);
    }

    /** A mapper's field name as its column is named: {@code firstName} → {@code first_name}. */
    static String column(String field) {
        StringBuilder column = new StringBuilder(field.length() + 4);
        for (char c : field.toCharArray()) {
            if (Character.isUpperCase(c)) {
                column.append('_').append(Character.toLowerCase(c));
            } else {
                column.append(c);
            }
        }
        return column.toString();
    }
}
