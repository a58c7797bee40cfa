package io.passerelle.timesheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.api.TimesheetApiSupport;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.export.ExportState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The export engine's view of timesheets, on the API tests' context (timesheets are written through the API). */
class TimesheetExportSourceTest extends TimesheetApiSupport {

    private static final String COMPANY = "EXPSRC";
    private static final String CONNECTION = "expsrc-erp";
    /** The company of the picking test alone, so that it can expect exact answers. */
    private static final String PICK = "EXPPICK";
    private static final String CONNECTION_PICK = "exppick-erp";
    private static final String OTHER = "exppick-other";

    @Autowired
    TimesheetExportSource source;

    private long companyId;

    @BeforeEach
    void masterDataExists() {
        companyId = connection(CONNECTION, COMPANY);
        masterData(companyId);
    }

    private static String id(int n) {
        return String.format("aaaaaaaa-0000-4000-8000-%012d", n);
    }

    @Test
    void picksLinesOfValidatedAndFrozenSheetsNotYetHeldByTheConnection() {
        long companyId = connection(CONNECTION_PICK, PICK);
        connection(OTHER, PICK);
        masterData(companyId);
        created(sheet(PICK, "E-00043", "DRAFT", List.of(line("2026-11-16", "P-1001", null, 8, Map.of("lineId", id(1))))));
        String validated = created(sheet(PICK, "E\u201100042", "VALIDATED", List.of(
                line("2026-11-16", "P-1001", null, 8, Map.of("lineId", id(2))),
                line("2026-11-17", "P-1001", null, 8, Map.of("lineId", id(3))),
                line("2026-11-18", "P\u20111001", "03-100", 7.25, Map.of("lineId", id(4), "tradeCode", "CARP",
                        "hourTypeCode", "OT", "earnings", List.of(Map.of("code", "PRIME", "quantity", 1),
                                Map.of("code", "KM", "quantity", 42.5))))))).node().path("id").asText();
        String frozen = created(sheet(PICK, "E-00043", "FROZEN", List.of(
                line("2026-11-16", "P-1002", "04-200", 8, Map.of("lineId", id(5))),
                line("2026-11-17", "P-1002", null, 8, Map.of("lineId", id(6))),
                line("2026-11-18", "P-1002", null, 8, Map.of("lineId", id(7))),
                line("2026-11-19", "P-1002", null, 8, Map.of("lineId", id(8)))))).node().path("id").asText();
        exportItem(CONNECTION_PICK, id(2), "ACCEPTED", null, null);
        exportItem(CONNECTION_PICK, id(3), "REJECTED", "UNKNOWN_ACTIVITY", "no such activity");
        exportItem(CONNECTION_PICK, id(5), "PENDING", null, null);
        exportItem(CONNECTION_PICK, id(6), "SENT", null, null);
        exportItem(CONNECTION_PICK, id(7), "UNKNOWN", null, null);
        exportItem(CONNECTION_PICK, id(8), "DUPLICATE", null, null);
        exportItem(OTHER, id(3), "ACCEPTED", null, null);

        List<ExportableLine> lines = source.linesToExport(companyId, CONNECTION_PICK, null, 100);
        assertThat(lines).extracting(ExportableLine::lineId).containsExactly(id(3), id(4), id(5));
        assertThat(lines).extracting(ExportableLine::exportState)
                .containsExactly(ExportState.REJECTED, null, ExportState.PENDING);

        ExportableLine full = lines.get(1);
        assertThat(full.timesheetId()).isEqualTo(validated);
        assertThat(full.timesheetStatus()).isEqualTo(TimesheetStatus.VALIDATED);
        assertThat(full.employeeNumber()).isEqualTo("E-00042"); // as the ERP spells it
        assertThat(full.projectNumber()).isEqualTo("P-1001");
        assertThat(full.activityCode()).isEqualTo("03-100");
        assertThat(full.tradeCode()).isEqualTo("CARP");
        assertThat(full.date()).isEqualTo(LocalDate.of(2026, 11, 18));
        assertThat(full.hours()).isEqualByComparingTo("7.25");
        assertThat(full.hourTypeCode()).isEqualTo("OT");
        assertThat(full.earnings()).containsExactly(new ExportableLine.Earning("KM", new BigDecimal("42.5")),
                new ExportableLine.Earning("PRIME", BigDecimal.ONE));
        ExportableLine bare = lines.get(0);
        assertThat(bare.activityCode()).isNull();
        assertThat(bare.tradeCode()).isNull();
        assertThat(bare.hourTypeCode()).isNull();
        assertThat(bare.earnings()).isEmpty();
        assertThat(lines.get(2).timesheetId()).isEqualTo(frozen);

        // keyset pages
        assertThat(source.linesToExport(companyId, CONNECTION_PICK, null, 2)).extracting(ExportableLine::lineId)
                .containsExactly(id(3), id(4));
        assertThat(source.linesToExport(CONNECTION_PICK, id(4), 2)).extracting(ExportableLine::lineId)
                .containsExactly(id(5));
        assertThat(source.linesToExport(CONNECTION_PICK, id(5), 2)).isEmpty();

        // another connection of the same company holds nothing but line 3
        assertThat(source.linesToExport(OTHER, null, 100)).extracting(ExportableLine::lineId)
                .containsExactly(id(2), id(4), id(5), id(6), id(7), id(8));

        // freezing: VALIDATED only, idempotent
        assertThat(source.freeze(List.of(validated, frozen))).isEqualTo(1);
        assertThat(source.freeze(List.of(validated, frozen))).isZero();
        assertThat(call("GET", "/api/timesheets/" + validated, VIEWER).node().path("status").asText()).isEqualTo("FROZEN");
        assertThat(source.linesToExport(companyId, CONNECTION_PICK, null, 100).get(1).timesheetStatus())
                .isEqualTo(TimesheetStatus.FROZEN);
    }

    @Test
    void aLineCarriesItsClockTimesAndAServiceCodesCodeAsTheErpSpellsIt() {
        long company = connection("expsrc-service", "EXPSVC");
        masterData(company);
        created(sheet("EXPSVC", "E-00042", "VALIDATED", List.of(
                line("2026-11-16", "P-1001", "ARMI", 8, Map.of("lineId", id(21), "start", "07:00", "end", "16:00")),
                line("2026-11-16", "P-1001", "03-100", 1, Map.of("lineId", id(22))),
                line("2026-11-16", "P-1001", null, 1, Map.of("lineId", id(23))))));

        List<ExportableLine> lines = source.linesToExport(company, "expsrc-service", null, 100);

        assertThat(lines).extracting(ExportableLine::lineId, ExportableLine::activityCode, ExportableLine::activityKind)
                .containsExactly(
                        tuple(id(21), "ARMI ", ActivityKind.SERVICE_CODE),
                        tuple(id(22), "03-100", ActivityKind.ACTIVITY),
                        tuple(id(23), null, null));
        assertThat(lines).extracting(ExportableLine::start, ExportableLine::end).containsExactly(
                tuple(LocalTime.of(7, 0), LocalTime.of(16, 0)), tuple(null, null), tuple(null, null));
    }

    @Test
    void freezesTheSheetsWhoseLinesWentOnceEvenOneSetBackToDraftMeanwhile() {
        JsonNode draft = created(sheet(COMPANY, "E-00043", "DRAFT", List.of(line("2026-11-20", "P-1001", null, 8)))).node();
        JsonNode validated = created(sheet(COMPANY, "E-00043", "VALIDATED", List.of(
                line("2026-11-20", "P-1001", null, 8), line("2026-11-21", "P-1001", null, 8)))).node();
        List<String> sheetIds = List.of(draft.path("id").asText(), validated.path("id").asText());
        assertThat(source.freeze(sheetIds)).isEqualTo(2);
        assertThat(source.freeze(sheetIds)).isZero();
        assertThat(call("GET", "/api/timesheets/" + validated.path("id").asText(), VIEWER).node().path("status").asText())
                .isEqualTo("FROZEN");
        assertThat(call("GET", "/api/timesheets/" + draft.path("id").asText(), VIEWER).node().path("status").asText())
                .as("its lines went while it was set back to DRAFT: the ERP holds them").isEqualTo("FROZEN");
        assertThat(source.freeze(List.of())).isZero();
    }

    @Test
    void freezesTheSheetsOfLinesByLineId() {
        JsonNode first = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(
                line("2026-11-22", "P-1001", null, 8), line("2026-11-23", "P-1001", null, 8)))).node();
        JsonNode second = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(line("2026-11-24", "P-1001", null, 8))))
                .node();
        JsonNode untouched = created(sheet(COMPANY, "E-00042", "VALIDATED", List.of(line("2026-11-25", "P-1001", null, 8))))
                .node();
        List<String> lineIds = List.of(first.path("lines").get(0).path("lineId").asText(),
                first.path("lines").get(1).path("lineId").asText(), second.path("lines").get(0).path("lineId").asText(),
                "00000000-0000-4000-8000-00000000dead");

        assertThat(source.freezeSheetsOfLines(lineIds)).isEqualTo(2);
        assertThat(source.freezeSheetsOfLines(lineIds)).isZero();
        for (JsonNode sheet : List.of(first, second)) {
            assertThat(call("GET", "/api/timesheets/" + sheet.path("id").asText(), VIEWER).node().path("status").asText())
                    .isEqualTo("FROZEN");
        }
        assertThat(call("GET", "/api/timesheets/" + untouched.path("id").asText(), VIEWER).node().path("status").asText())
                .isEqualTo("VALIDATED");
        assertThat(source.freezeSheetsOfLines(List.of())).isZero();
    }

    @Test
    void pagesThroughManyLinesOnceEach() {
        long company = connection("expsrc-bulk", "EXPBULK");
        masterData(company);
        int total = 0;
        for (int sheet = 0; sheet < 2; sheet++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            int size = sheet == 0 ? TimesheetValidator.MAX_LINES : 500;
            for (int i = 0; i < size; i++) {
                lines.add(line(LocalDate.of(2026, 1, 1).plusDays(i % 300).toString(), i % 2 == 0 ? "P-1001" : "P-1002",
                        null, 1 + (i % 8), i % 3 == 0 ? Map.of("earnings", List.of(Map.of("code", "KM", "quantity", i + 1)))
                                : Map.of()));
            }
            created(sheet("EXPBULK", "E-00042", "VALIDATED", lines));
            total += size;
        }
        Set<String> seen = new HashSet<>();
        String after = null;
        int pages = 0;
        int withEarnings = 0;
        while (true) {
            List<ExportableLine> page = source.linesToExport(company, "expsrc-bulk", after, 400);
            if (page.isEmpty()) {
                break;
            }
            pages++;
            for (ExportableLine line : page) {
                assertThat(seen.add(line.lineId())).as(line.lineId()).isTrue();
                withEarnings += line.earnings().isEmpty() ? 0 : 1;
            }
            after = page.get(page.size() - 1).lineId();
        }
        assertThat(seen).hasSize(total);
        assertThat(pages).isEqualTo((total + 399) / 400);
        assertThat(withEarnings).isEqualTo(334 + 167);
    }

    @Test
    void anUnknownConnectionIsNamed() {
        assertThatThrownBy(() -> source.linesToExport("nobody", null, 10)).isInstanceOf(ConnectionNotFoundException.class);
        assertThatThrownBy(() -> source.linesToExport(companyId, CONNECTION, null, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
