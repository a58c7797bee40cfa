package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimesheetApiTest extends TimesheetApiSupport {

    private static final String COMPANY = "TSAPI";
    private static final String CONNECTION = "tsapi-erp";
    private static final String NB_HYPHEN_EMPLOYEE = "E\u201100042";
    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    private long companyId;

    @BeforeEach
    void masterDataExists() {
        companyId = connection(CONNECTION, COMPANY);
        masterData(companyId);
        // a platform hour type that exists only in a code map: known too
        Response mapped = call("PUT", "/api/connections/" + CONNECTION + "/maps/hourTypes", ADMIN, toJson(Map.of(
                "entries", List.of(Map.of("platformCode", "REGULAR", "erpCode", "REG", "regular", true)))));
        assertThat(mapped.status()).as(mapped.toString()).isEqualTo(200);
    }

    @Test
    void storesATimesheetAndShowsItAsThePlatformWroteIt() {
        String lineId = "0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
        Response created = created(sheet(COMPANY, NB_HYPHEN_EMPLOYEE, "VALIDATED", List.of(
                line("2026-11-16", "P-1001", "03-100", 8.0, Map.of("lineId", lineId, "tradeCode", "CARP",
                        "hourTypeCode", "REGULAR", "earnings", List.of(Map.of("code", "KM", "quantity", 42)))),
                line("2026-11-17", " P-1002 ", "04-200", 7.5, Map.of("hourTypeCode", "OT")))));

        JsonNode sheet = created.node();
        String id = sheet.path("id").asText();
        assertThat(created.header("Location")).endsWith("/api/timesheets/" + id);
        assertThat(sheet.path("company").asText()).isEqualTo(COMPANY);
        assertThat(sheet.path("employeeNumber").asText()).isEqualTo(NB_HYPHEN_EMPLOYEE);
        assertThat(sheet.path("status").asText()).isEqualTo("VALIDATED");
        JsonNode first = sheet.path("lines").get(0);
        assertThat(first.path("lineId").asText()).isEqualTo(lineId);
        assertThat(first.path("date").asText()).isEqualTo("2026-11-16");
        assertThat(first.path("projectNumber").asText()).isEqualTo("P-1001");
        assertThat(first.path("activityCode").asText()).isEqualTo("03-100");
        assertThat(first.path("tradeCode").asText()).isEqualTo("CARP");
        assertThat(first.path("hours").decimalValue()).isEqualByComparingTo("8");
        assertThat(first.path("hourTypeCode").asText()).isEqualTo("REGULAR");
        assertThat(first.path("earnings").toString()).isEqualTo("[{\"code\":\"KM\",\"quantity\":42}]");
        assertThat(first.path("exports").toString()).isEqualTo("[]");
        assertThat(first.path("export").isNull()).as("API.md: one object, null until exported").isTrue();
        JsonNode second = sheet.path("lines").get(1);
        assertThat(second.path("lineId").asText()).matches(UUID_PATTERN);
        assertThat(second.path("projectNumber").asText()).isEqualTo("P-1002");
        assertThat(second.path("tradeCode").isNull()).isTrue();
        assertThat(second.path("earnings").toString()).isEqualTo("[]");

        // the non-breaking hyphen found E-00042: its id is stored
        Long employeeId = jdbc.queryForObject("select employee_id from timesheet where id = ?", Long.class, id);
        assertThat(jdbc.queryForObject("select number from employee where id = ?", String.class, employeeId))
                .isEqualTo("E-00042");

        Response read = call("GET", "/api/timesheets/" + id, VIEWER);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.node()).isEqualTo(sheet);
    }

    @Test
    void aLineMayNameAPlatformProjectLinkedByAConnectionAndKeepsItsCode() {
        Response linked = call("PUT", "/api/connections/" + CONNECTION + "/maps/projects", ENGINEER, toJson(Map.of(
                "entries", List.of(Map.of("platformCode", "DRV-118", "erpCode", "P-1002")))));
        assertThat(linked.status()).as(linked.toString()).isEqualTo(200);

        Response created = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(
                line("2026-11-16", "DRV-118", "04-200", 8))));
        JsonNode line = created.node().path("lines").get(0);
        assertThat(line.path("projectNumber").asText()).isEqualTo("DRV-118");
        assertThat(line.path("activityCode").asText()).as("an activity of the linked P-1002").isEqualTo("04-200");
        assertThat(line.path("activityKind").asText()).isEqualTo("ACTIVITY");
        assertThat(jdbc.queryForObject("select project_id from timesheet_line where id = ?", Long.class,
                line.path("lineId").asText())).as("no ERP project of its own: each export translates it").isNull();
        assertThat(call("GET", "/api/timesheets/" + created.node().path("id").asText(), VIEWER).node())
                .isEqualTo(created.node());

        Response unknown = call("POST", "/api/timesheets", ENGINEER, toJson(sheet(COMPANY, "E-00042", "VALIDATED",
                List.of(line("2026-11-16", "DRV-119", null, 8)))));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("lines[0].projectNumber");
        assertThat(unknown.body()).contains("maps/projects");
    }

    @Test
    void storesClockTimesAndServiceCodesAndShowsThemBack() {
        Response created = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(
                line("2026-11-16", "P-1001", "ARMI", 8.5, Map.of("start", "07:00", "end", "16:00")),
                line("2026-11-16", "P-1001", "03-100", 1))));

        JsonNode sheet = created.node();
        String id = sheet.path("id").asText();
        JsonNode clocked = sheet.path("lines").get(0);
        assertThat(clocked.path("start").asText()).isEqualTo("07:00");
        assertThat(clocked.path("end").asText()).isEqualTo("16:00");
        assertThat(clocked.path("activityCode").asText()).as("as the platform wrote it").isEqualTo("ARMI");
        assertThat(clocked.path("activityKind").asText()).isEqualTo("SERVICE_CODE");
        JsonNode plain = sheet.path("lines").get(1);
        assertThat(plain.path("start").isNull()).isTrue();
        assertThat(plain.path("end").isNull()).isTrue();
        assertThat(plain.path("activityKind").asText()).isEqualTo("ACTIVITY");
        assertThat(jdbc.queryForObject("select s.code from timesheet_line l join service_code s on s.id = l.service_code_id"
                + " where l.id = ?", String.class, clocked.path("lineId").asText())).isEqualTo("ARMI ");
        assertThat(call("GET", "/api/timesheets/" + id, VIEWER).node()).isEqualTo(sheet);

        Response replaced = call("PUT", "/api/timesheets/" + id, ENGINEER, toJson(Map.of("lines", List.of(
                line("2026-11-17", "P-1002", "MAUR", 5.5, Map.of("start", "06:30", "end", "12:00",
                        "lineId", clocked.path("lineId").asText()))))));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonNode kept = replaced.node().path("lines").get(0);
        assertThat(List.of(kept.path("start").asText(), kept.path("end").asText(), kept.path("activityCode").asText(),
                kept.path("activityKind").asText())).containsExactly("06:30", "12:00", "MAUR", "SERVICE_CODE");

        String lineId = kept.path("lineId").asText();
        Response corrected = call("PUT", "/api/timesheets/" + id + "/lines/" + lineId, ENGINEER,
                toJson(line("2026-11-17", "P-1002", "04-200", 4, Map.of("start", "08:00", "end", "12:15"))));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(200);
        JsonNode fixed = corrected.node().path("lines").get(0);
        assertThat(List.of(fixed.path("start").asText(), fixed.path("end").asText(), fixed.path("activityKind").asText()))
                .containsExactly("08:00", "12:15", "ACTIVITY");
        assertThat(jdbc.queryForObject("select count(*) from timesheet_line where id = ? and service_code_id is null",
                Integer.class, lineId)).isEqualTo(1);
        JsonNode cleared = call("PUT", "/api/timesheets/" + id + "/lines/" + lineId, ENGINEER,
                toJson(line("2026-11-17", "P-1002", null, 4))).node().path("lines").get(0);
        assertThat(cleared.path("start").isNull()).isTrue();
        assertThat(cleared.path("end").isNull()).isTrue();
        assertThat(cleared.path("activityKind").isNull()).isTrue();

        Response wrongTimes = call("PUT", "/api/timesheets/" + id + "/lines/" + lineId, ENGINEER,
                toJson(line("2026-11-17", "P-1002", null, 5, Map.of("start", "08:00", "end", "12:00"))));
        assertThat(wrongTimes.status()).isEqualTo(400);
        assertThat(wrongTimes.errorFields()).containsExactly("hours");
    }

    @Test
    void namesEveryClockTimeAtFault() {
        Response bad = call("POST", "/api/timesheets", ENGINEER, toJson(sheet(COMPANY, "E-00042", null, List.of(
                line("2026-11-16", "P-1001", null, 1, Map.of("start", "7:00", "end", "16:00")),
                line("2026-11-16", "P-1001", null, 1, Map.of("start", "22:00", "end", "06:00")),
                line("2026-11-16", "P-1001", null, 2, Map.of("start", "07:00", "end", "08:00")),
                line("2026-11-16", "P-1001", null, 1, Map.of("start", "07:00")),
                line("2026-11-16", "P-1001", "NOPE", 1, Map.of("end", "24:00"))))));

        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("lines[0].start", "lines[1].end", "lines[2].hours",
                "lines[3].end", "lines[4].end", "lines[4].start", "lines[4].activityCode");
        assertThat(messageOf(bad, "lines[1].end")).isEqualTo("must be after start; split a line that crosses midnight");
        assertThat(messageOf(bad, "lines[4].activityCode"))
                .isEqualTo("no activity of that code in project P-1001, nor a service code of this company");
    }

    @Test
    void aTimesheetStartsAsDraftAndMayHaveNoLines() {
        JsonNode sheet = created(sheet(COMPANY, "E-00043", null, List.of())).node();
        assertThat(sheet.path("status").asText()).isEqualTo("DRAFT");
        assertThat(sheet.path("lines").toString()).isEqualTo("[]");
    }

    @Test
    void namesEveryBadField() {
        Response bad = call("POST", "/api/timesheets", ENGINEER, toJson(sheet(COMPANY, "E-99999", "APPROVED", List.of(
                line("2026-02-30", "P-9999", "03-100", 8),                                    // 0: no such date, no such project
                line("16/11/2026", "P-1001", "04-200", 8),                                    // 1: not a date, activity of another project
                line("2026-11-16", "P-1001", null, 0, Map.of("tradeCode", "PLUMB")),           // 2: unknown trade, hours 0
                line("2026-11-16", "P-1001", "03-110", 24.5, Map.of("hourTypeCode", "NIGHT")), // 3: hours > 24, unknown hour type
                line("2026-11-16", "P-1001", null, 8, Map.of("earnings", List.of(
                        Map.of("code", "MEAL", "quantity", 1),
                        Map.of("code", "KM", "quantity", 0),
                        Map.of("code", "PRIME")))),                                              // 4: unknown earning, quantity 0, missing quantity
                line("2026-11-16", "P-1001", null, 8, Map.of("lineId", "not-a-uuid")),         // 5
                line("2026-11-16", "P-1001", null, 8, Map.of("lineId", "11111111-2222-4333-8444-555555555555")),
                line("2026-11-16", "P-1001", null, 8.125, Map.of("lineId", "11111111-2222-4333-8444-555555555555")),
                line(null, null, null, null, Map.of("date", ""))))));                           // 8: everything missing
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.errorFields()).containsExactly(
                "employeeNumber",
                "status",
                "lines[0].date", "lines[0].projectNumber",
                "lines[1].date", "lines[1].activityCode",
                "lines[2].tradeCode", "lines[2].hours",
                "lines[3].hours", "lines[3].hourTypeCode",
                "lines[4].earnings[0].code", "lines[4].earnings[1].quantity", "lines[4].earnings[2].quantity",
                "lines[5].lineId",
                "lines[7].lineId", "lines[7].hours",
                "lines[8].date", "lines[8].projectNumber", "lines[8].hours");
        assertThat(bad.body()).doesNotContain("Exception").doesNotContain("at io.");
        assertThat(messageOf(bad, "lines[0].date")).isEqualTo("not a real date");
        assertThat(messageOf(bad, "lines[1].date")).isEqualTo("must be a date YYYY-MM-DD");
        assertThat(messageOf(bad, "lines[1].activityCode")).contains("P-1001");
        assertThat(messageOf(bad, "lines[7].lineId")).contains("more than once");
        assertThat(count("select count(*) from timesheet_line where id = '11111111-2222-4333-8444-555555555555'")).isZero();
    }

    @Test
    void typeErrorsAreListedWithTheOtherFieldErrors() {
        Response answer = call("POST", "/api/timesheets", ENGINEER, "{\"company\": \"" + COMPANY + "\","
                + " \"employeeNumber\": \"E-00042\", \"lines\": ["
                + "{\"date\": \"2026-11-16\", \"projectNumber\": \"P-1001\", \"hours\": \"eight\"},"
                + "{\"date\": \"2026-11-17\", \"hours\": 8, \"earnings\": [{\"code\": \"KM\", \"quantity\": {}}]},"
                + "{\"date\": [2026, 11, 18], \"projectNumber\": \"P-1001\", \"hours\": 8}]}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactlyInAnyOrder("lines[0].hours", "lines[1].projectNumber",
                "lines[1].earnings[0].quantity", "lines[2].date");
        assertThat(answer.body()).contains("expected a number").contains("expected a string");
    }

    @Test
    void namesTheCompanyAndMissingFields() {
        Response unknownCompany = call("POST", "/api/timesheets", ENGINEER,
                toJson(sheet("NOBODY", "E-00042", null, List.of(line("2026-11-16", "P-1001", null, 8)))));
        assertThat(unknownCompany.status()).isEqualTo(400);
        assertThat(unknownCompany.errorFields()).containsExactly("company");

        Response empty = call("POST", "/api/timesheets", ENGINEER, "{}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.errorFields()).containsExactly("company", "employeeNumber", "lines");

        Response wrongType = call("POST", "/api/timesheets", ENGINEER,
                toJson(sheet(COMPANY, "E-00042", null, List.of(line("2026-11-16", "P-1001", null, "eight")))));
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.errorFields()).containsExactly("lines[0].hours");

        assertThat(call("POST", "/api/timesheets", ENGINEER, "{\"company\": ").errorFields()).containsExactly("body");
    }

    @Test
    void aLineIdOfAnotherTimesheetIsAConflict() {
        String lineId = "22222222-3333-4444-8555-666666666666";
        created(sheet(COMPANY, "E-00042", null, List.of(line("2026-11-16", "P-1001", null, 8, Map.of("lineId", lineId)))));
        Response taken = call("POST", "/api/timesheets", ENGINEER, toJson(sheet(COMPANY, "E-00043", null,
                List.of(line("2026-11-16", "P-1001", null, 8, Map.of("lineId", lineId.toUpperCase()))))));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.errorFields()).containsExactly("lines[0].lineId");
    }

    @Test
    void statusMovesBetweenDraftAndValidatedAndStaysFrozen() {
        String id = created(sheet(COMPANY, "E-00042", null, List.of(line("2026-11-16", "P-1001", null, 8)))).node()
                .path("id").asText();
        assertThat(status(id, "VALIDATED").node().path("status").asText()).isEqualTo("VALIDATED");
        assertThat(status(id, "draft").node().path("status").asText()).isEqualTo("DRAFT");
        assertThat(status(id, "DRAFT").status()).isEqualTo(200);
        assertThat(status(id, "FROZEN").node().path("status").asText()).isEqualTo("FROZEN");
        assertThat(status(id, "FROZEN").status()).isEqualTo(200);

        Response back = status(id, "VALIDATED");
        assertThat(back.status()).isEqualTo(409);
        assertThat(back.errorFields()).containsExactly("status");
        assertThat(status(id, "DRAFT").status()).isEqualTo(409);
        assertThat(call("GET", "/api/timesheets/" + id, VIEWER).node().path("status").asText()).isEqualTo("FROZEN");

        Response bad = status(id, "DONE");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("status");
        assertThat(call("PUT", "/api/timesheets/" + id + "/status", ENGINEER, "{}").errorFields()).containsExactly("status");
        assertThat(status("no-such-sheet", "VALIDATED").status()).isEqualTo(404);
    }

    @Test
    void replacesTheLinesOfAnEditableTimesheetAndRefusesAFrozenOne() {
        JsonNode sheet = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(
                line("2026-11-16", "P-1001", null, 8), line("2026-11-17", "P-1001", null, 8)))).node();
        String id = sheet.path("id").asText();
        String kept = sheet.path("lines").get(1).path("lineId").asText();

        Response replaced = call("PUT", "/api/timesheets/" + id, ENGINEER, toJson(Map.of("lines", List.of(
                line("2026-11-17", "P-1002", "04-200", 6, Map.of("lineId", kept)),
                line("2026-11-18", "P-1001", "03-110", 2)))));
        assertThat(replaced.status()).as(replaced.toString()).isEqualTo(200);
        JsonNode lines = replaced.node().path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("lineId").asText()).isEqualTo(kept);
        assertThat(lines.get(0).path("hours").decimalValue()).isEqualByComparingTo("6");
        assertThat(count("select count(*) from timesheet_line where timesheet_id = '" + id + "'")).isEqualTo(2);

        Response invalid = call("PUT", "/api/timesheets/" + id, ENGINEER, toJson(Map.of("lines", List.of(
                line("2026-11-17", "P-1002", "03-100", 6)))));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("lines[0].activityCode");

        assertThat(status(id, "FROZEN").status()).isEqualTo(200);
        Response frozen = call("PUT", "/api/timesheets/" + id, ENGINEER, toJson(Map.of("lines", List.of(
                line("2026-11-17", "P-1002", "04-200", 6)))));
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(frozen.header("Content-Type")).startsWith("application/problem+json");
        assertThat(call("GET", "/api/timesheets/" + id, VIEWER).node().path("lines")).hasSize(2);
        assertThat(call("PUT", "/api/timesheets/nobody", ENGINEER, toJson(Map.of("lines", List.of()))).status())
                .isEqualTo(404);
    }

    @Test
    void aSheetWithLinesInDoubtCannotGoBackToDraftAndEachIsNamed() {
        JsonNode sheet = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(
                line("2026-11-16", "P-1001", null, 8),
                line("2026-11-17", "P-1001", null, 8),
                line("2026-11-18", "P-1001", null, 8)))).node();
        String id = sheet.path("id").asText();
        String sent = sheet.path("lines").get(0).path("lineId").asText();
        String unknown = sheet.path("lines").get(2).path("lineId").asText();
        exportItem(CONNECTION, sent, "SENT", null, null);
        exportItem(CONNECTION, unknown, "UNKNOWN", "NO_ANSWER", "timed out");

        Response refused = status(id, "DRAFT");

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.node().path("detail").asText()).contains("DRAFT").contains("in doubt");
        assertThat(refused.errorFields()).containsExactly("lines[0]", "lines[2]");
        assertThat(refused.node().path("errors").get(0).path("message").asText()).contains(sent).contains("SENT")
                .contains(CONNECTION);
        assertThat(refused.node().path("errors").get(1).path("message").asText()).contains(unknown).contains("UNKNOWN");
        assertThat(call("GET", "/api/timesheets/" + id, VIEWER).node().path("status").asText()).isEqualTo("VALIDATED");

        exportItem(CONNECTION, sent, "PENDING", null, null);
        exportItem(CONNECTION, unknown, "REJECTED", "UNKNOWN_ACTIVITY", "no such activity");
        assertThat(status(id, "DRAFT").node().path("status").asText())
                .as("once nothing is in doubt or held, the sheet may go back").isEqualTo("DRAFT");
    }

    @Test
    void aValidatedTimesheetWithLinesInTheErpCannotBeReplaced() {
        JsonNode sheet = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(line("2026-11-16", "P-1001", null, 8))))
                .node();
        exportItem(CONNECTION, sheet.path("lines").get(0).path("lineId").asText(), "UNKNOWN", null, "timed out");
        Response refused = call("PUT", "/api/timesheets/" + sheet.path("id").asText(), ENGINEER,
                toJson(Map.of("lines", List.of(line("2026-11-17", "P-1001", null, 8)))));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.errorFields()).containsExactly("lines");
    }

    @Test
    void showsEachLinesExportStateAndCorrectsARejectedLineOfAFrozenSheet() {
        JsonNode sheet = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(
                line("2026-11-16", "P-1001", "03-100", 8),
                line("2026-11-17", "P-1001", "03-110", 8),
                line("2026-11-18", "P-1001", null, 8)))).node();
        String id = sheet.path("id").asText();
        String rejected = sheet.path("lines").get(0).path("lineId").asText();
        String accepted = sheet.path("lines").get(1).path("lineId").asText();
        String never = sheet.path("lines").get(2).path("lineId").asText();
        assertThat(status(id, "FROZEN").status()).isEqualTo(200);
        exportItem(CONNECTION, rejected, "REJECTED", "UNKNOWN_ACTIVITY", "activity 03-100 is closed");
        exportItem(CONNECTION, accepted, "ACCEPTED", null, null);

        JsonNode lines = call("GET", "/api/timesheets/" + id, VIEWER).node().path("lines");
        JsonNode export = lines.get(0).path("exports").get(0);
        assertThat(lines.get(0).path("export")).isEqualTo(export);
        assertThat(export.path("connection").asText()).isEqualTo(CONNECTION);
        assertThat(export.path("state").asText()).isEqualTo("REJECTED");
        assertThat(export.path("code").asText()).isEqualTo("UNKNOWN_ACTIVITY");
        assertThat(export.path("message").asText()).isEqualTo("activity 03-100 is closed");
        assertThat(lines.get(1).path("exports").get(0).path("state").asText()).isEqualTo("ACCEPTED");
        assertThat(lines.get(1).path("exports").get(0).path("code").isNull()).isTrue();
        assertThat(lines.get(2).path("exports").toString()).isEqualTo("[]");

        Response invalid = call("PUT", "/api/timesheets/" + id + "/lines/" + rejected, ENGINEER,
                toJson(line("2026-11-16", "P-1001", "04-200", 30)));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.errorFields()).containsExactly("activityCode", "hours");
        Response otherId = call("PUT", "/api/timesheets/" + id + "/lines/" + rejected, ENGINEER,
                toJson(line("2026-11-16", "P-1001", "03-110", 8, Map.of("lineId", accepted))));
        assertThat(otherId.errorFields()).containsExactly("lineId");

        Response fixed = call("PUT", "/api/timesheets/" + id + "/lines/" + rejected, ENGINEER,
                toJson(line("2026-11-16", "P-1001", "03-110", 7.5, Map.of("lineId", rejected))));
        assertThat(fixed.status()).as(fixed.toString()).isEqualTo(200);
        JsonNode corrected = fixed.node().path("lines").get(0);
        assertThat(corrected.path("lineId").asText()).isEqualTo(rejected);
        assertThat(corrected.path("activityCode").asText()).isEqualTo("03-110");
        assertThat(corrected.path("hours").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(corrected.path("exports").get(0).path("state").asText()).isEqualTo("REJECTED");
        assertThat(fixed.node().path("status").asText()).isEqualTo("FROZEN");

        Response inErp = call("PUT", "/api/timesheets/" + id + "/lines/" + accepted, ENGINEER,
                toJson(line("2026-11-17", "P-1001", null, 8)));
        assertThat(inErp.status()).isEqualTo(409);
        assertThat(inErp.errorFields()).containsExactly("lineId");
        for (String state : List.of("SENT", "DUPLICATE", "UNKNOWN")) {
            exportItem(CONNECTION, accepted, state, null, null);
            assertThat(call("PUT", "/api/timesheets/" + id + "/lines/" + accepted, ENGINEER,
                    toJson(line("2026-11-17", "P-1001", null, 8))).status()).as(state).isEqualTo(409);
        }
        Response frozen = call("PUT", "/api/timesheets/" + id + "/lines/" + never, ENGINEER,
                toJson(line("2026-11-18", "P-1001", null, 4)));
        assertThat(frozen.status()).isEqualTo(409);
        assertThat(frozen.errorFields()).containsExactly("status");
        assertThat(call("PUT", "/api/timesheets/" + id + "/lines/33333333-4444-4555-8666-777777777777", ENGINEER,
                toJson(line("2026-11-18", "P-1001", null, 4))).status()).isEqualTo(404);
    }

    @Test
    void aLineOfADraftSheetMayBeCorrectedToo() {
        JsonNode sheet = created(sheet(COMPANY, "E-00043", null, List.of(line("2026-11-16", "P-1001", null, 8)))).node();
        String lineId = sheet.path("lines").get(0).path("lineId").asText();
        Response fixed = call("PUT", "/api/timesheets/" + sheet.path("id").asText() + "/lines/" + lineId, ENGINEER,
                toJson(line("2026-11-16", "P-1001", null, 4, Map.of("earnings", List.of(Map.of("code", "PRIME", "quantity", 1.5))))));
        assertThat(fixed.status()).isEqualTo(200);
        assertThat(fixed.node().path("lines").get(0).path("earnings").toString())
                .isEqualTo("[{\"code\":\"PRIME\",\"quantity\":1.5}]");
    }

    @Test
    void listsTimesheetsByCompanyAndStatus() {
        String draft = created(sheet(COMPANY, "E-00043", "DRAFT", List.of(line("2026-11-20", "P-1001", null, 8))))
                .node().path("id").asText();
        String validated = created(sheet(COMPANY, "E-00043", "VALIDATED", List.of(
                line("2026-11-20", "P-1001", null, 8), line("2026-11-21", "P-1001", null, 8)))).node().path("id").asText();

        JsonNode drafts = call("GET", "/api/timesheets?company=" + COMPANY + "&status=draft&limit=500", VIEWER).node();
        List<String> ids = drafts.path("items").findValuesAsText("id");
        assertThat(ids).contains(draft).doesNotContain(validated);
        drafts.path("items").forEach(item -> assertThat(item.path("status").asText()).isEqualTo("DRAFT"));

        JsonNode all = call("GET", "/api/timesheets?company=" + COMPANY + "&limit=500", VIEWER).node();
        JsonNode mine = null;
        for (JsonNode item : all.path("items")) {
            if (item.path("id").asText().equals(validated)) {
                mine = item;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.path("lineCount").asInt()).isEqualTo(2);
        assertThat(mine.path("employeeNumber").asText()).isEqualTo("E-00043");

        JsonNode first = call("GET", "/api/timesheets?company=" + COMPANY + "&limit=1", VIEWER).node();
        assertThat(first.path("items")).hasSize(1);
        String next = first.path("next").asText();
        JsonNode second = call("GET", "/api/timesheets?company=" + COMPANY + "&limit=1&after=" + next, VIEWER).node();
        assertThat(second.path("items").get(0).path("id").asText()).isGreaterThan(next);

        assertThat(call("GET", "/api/timesheets?company=NOBODY", VIEWER).node().path("items")).isEmpty();
        assertThat(call("GET", "/api/timesheets?status=LATE", VIEWER).errorFields()).containsExactly("status");
        assertThat(call("GET", "/api/timesheets?limit=0", VIEWER).errorFields()).containsExactly("limit");
    }

    @Test
    void onlyAdminsAndEngineersWrite() {
        String body = toJson(sheet(COMPANY, "E-00042", null, List.of(line("2026-11-16", "P-1001", null, 8))));
        for (String token : new String[] {VIEWER, APPROVER}) {
            assertThat(call("POST", "/api/timesheets", token, body).status()).as(token).isEqualTo(403);
            assertThat(call("PUT", "/api/timesheets/x/status", token, "{\"status\":\"FROZEN\"}").status()).isEqualTo(403);
            assertThat(call("PUT", "/api/timesheets/x", token, "{\"lines\":[]}").status()).isEqualTo(403);
            assertThat(call("PUT", "/api/timesheets/x/lines/y", token, "{}").status()).isEqualTo(403);
        }
        assertThat(call("POST", "/api/timesheets", null, body).status()).isEqualTo(401);
        String id = call("POST", "/api/timesheets", ADMIN, body).node().path("id").asText();
        assertThat(call("GET", "/api/timesheets/" + id, VIEWER).status()).isEqualTo(200);
        assertThat(call("GET", "/api/timesheets", APPROVER).status()).isEqualTo(200);
        assertThat(call("GET", "/api/timesheets/nobody", VIEWER).status()).isEqualTo(404);
    }

    private Response status(String id, String status) {
        return call("PUT", "/api/timesheets/" + id + "/status", ENGINEER, toJson(Map.of("status", status)));
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }

    private static String messageOf(Response response, String field) {
        for (JsonNode error : response.node().path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error for " + field + " in " + response);
    }
}
