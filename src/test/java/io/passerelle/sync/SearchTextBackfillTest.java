package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.SearchText;
import io.passerelle.run.SqlFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Migration 11.1 folds the rows written before V11 exactly as the sync engine folds new ones, so that a search
 * finds old and new rows alike.
 */
class SearchTextBackfillTest {

    JdbcTemplate jdbc;
    Flyway flyway;

    /** A fresh database (H2 here; PostgreSQL in the subclass), migrated to just before the backfill. */
    protected DataSource dataSource() {
        return new DriverManagerDataSource("jdbc:h2:mem:" + UUID.randomUUID() + ";DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                "sa", "");
    }

    protected String schema() {
        return null;
    }

    @BeforeEach
    void migratedUpToV11() {
        DataSource dataSource = dataSource();
        var configuration = Flyway.configure().dataSource(dataSource)
                .javaMigrations(new SearchTextBackfill(new SqlFiles()));
        if (schema() != null) {
            configuration.schemas(schema());
        }
        flyway = configuration.target("11").load();
        flyway.migrate();
        flyway = configuration.target("latest").load();
        jdbc = new JdbcTemplate(dataSource);
    }

    @Test
    void rowsWrittenBeforeTheSearchColumnAreFoldedAsTheEngineFoldsNewOnes() {
        jdbc.update("insert into company (code, name) values ('OLD', 'Old rows inc.')");
        long company = jdbc.queryForObject("select id from company where code = 'OLD'", Long.class);
        jdbc.update("insert into employee (company_id, match_key, loose_key, number, first_name, last_name, email, active,"
                + " created_at, updated_at) values (?, 'E-00042', 'e00042', 'E\u201100042', 'Marie-\u00C8ve', "
                + "'Tremblay\u00A0 Roy', 'Marie.Tremblay@Boreal.example', true, current_timestamp, current_timestamp)", company);
        jdbc.update("insert into employee (company_id, match_key, loose_key, number, active, created_at, updated_at)"
                + " values (?, 'E-00043', 'e00043', 'E-00043', true, current_timestamp, current_timestamp)", company);
        jdbc.update("insert into project (company_id, match_key, loose_key, number, name, created_at, updated_at)"
                + " values (?, 'P-1001', 'p1001', 'P-1001', 'Tour Nord', current_timestamp, current_timestamp)", company);
        long project = jdbc.queryForObject("select id from project where number = 'P-1001'", Long.class);
        jdbc.update("insert into activity (company_id, project_id, match_key, loose_key, code, description, created_at,"
                + " updated_at) values (?, ?, 'x', 'x', '03-100', 'Coffrage  des murs', current_timestamp, current_timestamp)",
                company, project);

        flyway.migrate();

        assertThat(jdbc.queryForObject("select search_text from employee where match_key = 'E-00042'", String.class))
                .isEqualTo("e-00042 marie-\u00E8ve tremblay roy marie.tremblay@boreal.example")
                .isEqualTo(SearchText.of(CanonicalEntity.EMPLOYEE, null, Map.of("number", "E\u201100042",
                        "firstName", "Marie-\u00C8ve", "lastName", "Tremblay\u00A0 Roy",
                        "email", "Marie.Tremblay@Boreal.example")));
        assertThat(jdbc.queryForObject("select search_text from employee where match_key = 'E-00043'", String.class))
                .isEqualTo("e-00043");
        assertThat(jdbc.queryForObject("select search_text from activity where code = '03-100'", String.class))
                .as("a child starts with its parent's key").isEqualTo("p-1001 03-100 coffrage des murs");
        assertThat(jdbc.queryForObject("select search_text from project where number = 'P-1001'", String.class))
                .isEqualTo("p-1001 tour nord");
    }

    @Test
    void moreRowsThanAPageAreAllFilled() {
        jdbc.update("insert into company (code, name) values ('MANY', 'Many rows inc.')");
        long company = jdbc.queryForObject("select id from company where code = 'MANY'", Long.class);
        int rows = SearchTextBackfill.PAGE * 2 + 7;
        List<Object[]> batch = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String code = "C-" + i;
            batch.add(new Object[] {company, code, code.toLowerCase(), code});
        }
        jdbc.batchUpdate("insert into cost_code (company_id, match_key, loose_key, code, description, created_at, updated_at)"
                + " values (?, ?, ?, ?, 'Béton', current_timestamp, current_timestamp)", batch);

        flyway.migrate();

        assertThat(jdbc.queryForObject("select count(*) from cost_code where search_text like 'c-% béton'", Integer.class))
                .isEqualTo(rows);
    }
}
