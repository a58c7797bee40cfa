package io.passerelle.timesheet;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.TestDatabases;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V9 freezes the sheets left VALIDATED (or DRAFT) although an ERP holds some of their lines, and nothing else. */
class FreezeDeliveredTimesheetsMigrationTest {

    HikariDataSource dataSource;
    JdbcTemplate jdbc;

    /** The database under test: H2 here, PostgreSQL in the twin. */
    protected HikariDataSource database() {
        return TestDatabases.h2();
    }

    protected String[] schema() {
        return new String[0];
    }

    @BeforeEach
    void before() {
        dataSource = database();
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void sheetsWithADeliveredLineFreezeTheOthersStayAsTheyAre() {
        flyway(versionBefore("9")).migrate();
        jdbc.update("insert into company (code, name) values ('MIG', 'Migration inc.')");
        long company = jdbc.queryForObject("select id from company where code = 'MIG'", Long.class);
        jdbc.update("insert into connection (id, company_id, erp, credentials, schedules, options, allow_others_to_edit, "
                + "created_at, updated_at) values ('mig-erp', ?, 'avantage', '{}', '{}', '{}', false, current_timestamp, "
                + "current_timestamp)", company);
        jdbc.update("insert into employee (company_id, match_key, loose_key, number, active, created_at, updated_at) "
                + "values (?, 'E-1', 'E-1', 'E-1', true, current_timestamp, current_timestamp)", company);
        jdbc.update("insert into project (company_id, match_key, loose_key, number, created_at, updated_at) "
                + "values (?, 'P-1', 'P-1', 'P-1', current_timestamp, current_timestamp)", company);
        sheet("accepted", "VALIDATED", Map.of("accepted-1", "ACCEPTED", "accepted-2", "PENDING"));
        sheet("duplicate-draft", "DRAFT", Map.of("duplicate-1", "DUPLICATE"));
        sheet("in-doubt", "VALIDATED", Map.of("in-doubt-1", "SENT", "in-doubt-2", "UNKNOWN"));
        sheet("rejected", "VALIDATED", Map.of("rejected-1", "REJECTED"));
        sheet("never-sent", "VALIDATED", Map.of());
        sheet("draft", "DRAFT", Map.of());
        sheet("frozen", "FROZEN", Map.of("frozen-1", "ACCEPTED"));

        flyway(null).migrate();

        assertThat(status("accepted")).isEqualTo("FROZEN");
        assertThat(status("duplicate-draft")).isEqualTo("FROZEN");
        assertThat(status("in-doubt")).as("reconciliation decides").isEqualTo("VALIDATED");
        assertThat(status("rejected")).isEqualTo("VALIDATED");
        assertThat(status("never-sent")).isEqualTo("VALIDATED");
        assertThat(status("draft")).isEqualTo("DRAFT");
        assertThat(status("frozen")).isEqualTo("FROZEN");
    }

    /** The newest migration older than {@code version}, whichever others come to exist around it. */
    private String versionBefore(String version) {
        MigrationVersion next = MigrationVersion.fromVersion(version);
        return Arrays.stream(flyway(null).info().all()).map(MigrationInfo::getVersion)
                .filter(v -> v.compareTo(next) < 0).max(Comparator.naturalOrder()).orElseThrow().getVersion();
    }

    private Flyway flyway(String target) {
        var configuration = Flyway.configure().dataSource(dataSource).schemas(schema());
        return (target == null ? configuration : configuration.target(target)).load();
    }

    private void sheet(String id, String status, Map<String, String> lineStates) {
        jdbc.update("insert into timesheet (id, company_id, employee_id, status, created_at, updated_at) "
                + "select ?, company_id, id, ?, current_timestamp, current_timestamp from employee where number = 'E-1'",
                id, status);
        int position = 0;
        for (Map.Entry<String, String> line : lineStates.entrySet()) {
            jdbc.update("insert into timesheet_line (id, timesheet_id, position, work_date, project_id, hours, updated_at) "
                    + "select ?, ?, ?, date '2026-11-16', id, 8, current_timestamp from project where number = 'P-1'",
                    line.getKey(), id, position++);
            jdbc.update("insert into export_item (connection_id, kind, source_id, idempotency_key, state, attempts, updated_at) "
                    + "values ('mig-erp', 'TIMESHEET_LINE', ?, ?, ?, 1, current_timestamp)", line.getKey(), line.getKey(),
                    line.getValue());
        }
    }

    private String status(String sheet) {
        return jdbc.queryForObject("select status from timesheet where id = ?", String.class, sheet);
    }
}
