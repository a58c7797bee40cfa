package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.export.ExportLauncher;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The API tests of timesheets, code maps and exports: {@link ApiTestSupport}'s context plus a mock export
 * launcher (the real engine is not needed to test the API), and master data written straight into the
 * canonical tables, as a sync would. All these classes share one context: each uses its own company.
 */
@Import(TimesheetApiSupport.ExportStub.class)
public abstract class TimesheetApiSupport extends ApiTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class ExportStub {
        @Bean
        @Primary
        ExportLauncher mockExportLauncher() {
            return Mockito.mock(ExportLauncher.class);
        }
    }

    @Autowired
    protected ExportLauncher exportLauncher;
    @Autowired
    protected JdbcTemplate jdbc;

    @AfterEach
    void forgetExportStubs() {
        Mockito.reset(exportLauncher);
    }

    /** A connection of the test ERP for company {@code companyCode} (created once), answering its company id. */
    protected long connection(String connectionId, String companyCode) {
        if (call("GET", "/api/connections/" + connectionId, ADMIN).status() == 404) {
            Map<String, Object> body = new LinkedHashMap<>(ConnectionApiTest.payload(connectionId));
            body.put("company", Map.of("code", companyCode, "name", "Company " + companyCode));
            Response created = call("POST", "/api/connections", ADMIN, toJson(body));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        }
        return jdbc.queryForObject("select company_id from connection where id = ?", Long.class, connectionId);
    }

    /**
     * The company's master data, as the ERP spells it: employees E-00042, E-00043; projects P-1001 (activities
     * 03-100, 03-110) and P-1002 (activity 04-200); service codes MAUR and "ARMI " (a trailing blank in the
     * ERP's spelling); trades CARP, ELEC; hour types REG, OT, DT; earnings KM, PRIME. Written once per company.
     */
    protected void masterData(long companyId) {
        Integer known = jdbc.queryForObject("select count(*) from employee where company_id = ?", Integer.class, companyId);
        if (known != null && known > 0) {
            return;
        }
        for (String number : List.of("E-00042", "E-00043")) {
            insert("insert into employee (company_id, match_key, loose_key, number, first_name, last_name, active, created_at, updated_at)"
                    + " values (?, ?, ?, ?, 'Marie', 'Tremblay', true, ?, ?)", companyId, number);
        }
        long p1 = project(companyId, "P-1001");
        long p2 = project(companyId, "P-1002");
        activity(companyId, p1, "P-1001", "03-100");
        activity(companyId, p1, "P-1001", "03-110");
        activity(companyId, p2, "P-1002", "04-200");
        for (String code : List.of("MAUR", "ARMI ")) {
            insert("insert into service_code (company_id, match_key, loose_key, code, description, status, created_at,"
                    + " updated_at) values (?, ?, ?, ?, 'Leistungsart', 'ACTIVE', ?, ?)", companyId, code);
        }
        for (String code : List.of("CARP", "ELEC")) {
            insert("insert into trade (company_id, match_key, loose_key, code, description, created_at, updated_at)"
                    + " values (?, ?, ?, ?, 'trade', ?, ?)", companyId, code);
        }
        for (String code : List.of("REG", "OT", "DT")) {
            insert("insert into hour_type (company_id, match_key, loose_key, code, description, created_at, updated_at)"
                    + " values (?, ?, ?, ?, 'hours', ?, ?)", companyId, code);
        }
        for (String code : List.of("KM", "PRIME")) {
            insert("insert into earning_type (company_id, match_key, loose_key, code, description, created_at, updated_at)"
                    + " values (?, ?, ?, ?, 'earning', ?, ?)", companyId, code);
        }
    }

    protected long project(long companyId, String number) {
        insert("insert into project (company_id, match_key, loose_key, number, name, status, created_at, updated_at)"
                + " values (?, ?, ?, ?, 'Chantier', 'ACTIVE', ?, ?)", companyId, number);
        return jdbc.queryForObject("select id from project where company_id = ? and number = ?", Long.class,
                companyId, number);
    }

    protected void activity(long companyId, long projectId, String projectNumber, String code) {
        OffsetDateTime now = now();
        jdbc.update("insert into activity (company_id, project_id, match_key, loose_key, code, description, created_at, updated_at)"
                        + " values (?, ?, ?, ?, ?, 'activité', ?, ?)", companyId, projectId,
                KeyNormalizer.compositeKey(KeyNormalizer.matchKey(projectNumber), KeyNormalizer.matchKey(code)),
                KeyNormalizer.compositeKey(KeyNormalizer.matchKey(projectNumber), KeyNormalizer.looseKey(code)),
                code, now, now);
    }

    /** Records where an export stands, as the export engine would. */
    protected void exportItem(String connectionId, String lineId, String state, String code, String message) {
        jdbc.update("delete from export_item where connection_id = ? and kind = 'TIMESHEET_LINE' and source_id = ?",
                connectionId, lineId);
        jdbc.update("insert into export_item (connection_id, kind, source_id, idempotency_key, state, attempts, code, message, updated_at)"
                + " values (?, 'TIMESHEET_LINE', ?, ?, ?, 1, ?, ?, ?)", connectionId, lineId, lineId, state, code, message, now());
    }

    /** A line of the request body; {@code extra} adds or overrides fields (a null value removes one). */
    protected static Map<String, Object> line(String date, String project, String activity, Object hours,
            Map<String, Object> extra) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("date", date);
        line.put("projectNumber", project);
        if (activity != null) {
            line.put("activityCode", activity);
        }
        line.put("hours", hours);
        extra.forEach((k, v) -> {
            if (v == null) {
                line.remove(k);
            } else {
                line.put(k, v);
            }
        });
        return line;
    }

    protected static Map<String, Object> line(String date, String project, String activity, Object hours) {
        return line(date, project, activity, hours, Map.of());
    }

    protected static Map<String, Object> sheet(String company, String employee, String status, List<?> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("employeeNumber", employee);
        if (status != null) {
            body.put("status", status);
        }
        body.put("lines", lines);
        return body;
    }

    /** POSTs a timesheet that must be accepted; answers the stored one. */
    protected Response created(Map<String, Object> sheet) {
        Response created = call("POST", "/api/timesheets", ENGINEER, toJson(sheet));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    private void insert(String sql, long companyId, String raw) {
        OffsetDateTime now = now();
        jdbc.update(sql, companyId, KeyNormalizer.matchKey(raw), KeyNormalizer.looseKey(raw), raw, now, now);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
