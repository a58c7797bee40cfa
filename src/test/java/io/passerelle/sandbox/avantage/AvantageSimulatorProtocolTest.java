package io.passerelle.sandbox.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator against the wire spec (erp/avantage-maintcp.md), through a plain socket client. */
class AvantageSimulatorProtocolTest {

    private AvantageSimulator sim;
    private MainTcpTestClient client;
    private String token;

    @BeforeEach
    void start() throws IOException {
        sim = new AvantageSimulator(AvantageSimulatorProperties.defaults().withEncryptionKey(null)).start();
        client = MainTcpTestClient.greeted(sim);
        token = client.login();
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        sim.stop();
    }

    static Map<String, Object> req(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private JsonNode list(String entity, Object... more) throws IOException {
        Map<String, Object> r = req("op", "LIST", "token", token, "entity", entity);
        r.putAll(req(more));
        return client.call(r);
    }

    private static void assertError(JsonNode response, String code, String messagePart) {
        assertThat(response.path("ok").asBoolean(true)).as(response.toString()).isFalse();
        assertThat(response.at("/error/code").asText()).as(response.toString()).isEqualTo(code);
        assertThat(response.at("/error/message").asText()).contains(messagePart);
    }

    @Test
    void greetsWithoutEncryptionWhenNoKeyIsConfigured() {
        assertThat(sim.greeting()).isEqualTo("AVANTAGE MAINTCP 7.40 READY ENC=NONE");
    }

    @Test
    void pingNeedsNoToken() throws IOException {
        JsonNode r = client.call(req("op", "PING"));
        assertThat(r.get("ok").asBoolean()).isTrue();
        assertThat(Instant.parse(r.get("serverTime").asText())).isBeforeOrEqualTo(Instant.now());
    }

    @Test
    void loginAnswersTokenExpiryAndCompany() throws IOException {
        JsonNode r = client.call(req("op", "LOGIN", "user", "integration", "password", "sandbox"));
        assertThat(r.get("token").asText()).isNotBlank();
        assertThat(r.get("expiresInSeconds").asLong()).isEqualTo(3600);
        assertThat(r.at("/company/code").asText()).isEqualTo("BOREAL");
        assertThat(r.at("/company/name").asText()).isEqualTo("Construction Boréal inc.");
    }

    @Test
    void wrongPasswordIsAuthFailed() throws IOException {
        assertError(client.call(req("op", "LOGIN", "user", "integration", "password", "nope")), "AUTH_FAILED", "");
    }

    @Test
    void listPagingWithAfterWalksEveryEmployeeExactlyOnceInOrder() throws IOException {
        List<String> seen = new ArrayList<>();
        List<Instant> stamps = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode r = after == null ? list("EMPLOYEE", "limit", 37) : list("EMPLOYEE", "limit", 37, "after", after);
            assertThat(r.get("ok").asBoolean()).as(r.toString()).isTrue();
            for (JsonNode item : r.get("items")) {
                seen.add(item.get("number").asText());
                stamps.add(Instant.parse(item.get("modifiedAt").asText()));
            }
            assertThat(r.has("next")).isTrue();
            after = r.get("next").isNull() ? null : r.get("next").asText();
            pages++;
        } while (after != null);

        List<String> expected = sim.dataset().employees().stream().map(Employee::number).toList();
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(new HashSet<>(seen)).hasSize(seen.size());
        assertThat(stamps).isSorted();
        assertThat(pages).isEqualTo((expected.size() + 36) / 37);
    }

    @Test
    void defaultLimitIsOneThousandAndLastPageHasNullNext() throws IOException {
        JsonNode r = list("EMPLOYEE");
        assertThat(r.get("items")).hasSize(300);
        assertThat(r.get("next").isNull()).isTrue();
    }

    @Test
    void modifiedSinceIsInclusive() throws IOException {
        List<Employee> all = sim.dataset().employees();
        Employee middle = all.get(all.size() / 2);
        long expected = all.stream().filter(e -> e.modifiedAtMillis() >= middle.modifiedAtMillis()).count();

        JsonNode r = list("EMPLOYEE", "modifiedSince", middle.modifiedAt().toString(), "limit", 5000);

        assertThat(r.get("items")).hasSize((int) expected);
        assertThat(r.get("items").get(0).get("number").asText()).isEqualTo(middle.number());
    }

    @Test
    void touchedEmployeesComeBackAloneAfterTheWatermark() throws IOException {
        Instant watermark = sim.dataset().lastModifiedAt();
        List<Employee> touched = sim.touchEmployees(5);

        JsonNode r = list("EMPLOYEE", "modifiedSince", watermark.plusMillis(1).toString());

        List<String> numbers = new ArrayList<>();
        r.get("items").forEach(i -> numbers.add(i.get("number").asText()));
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(touched.stream().map(Employee::number).toList());
        assertThat(r.get("items").get(0).get("competency").asText()).isEqualTo(touched.get(0).competency());
    }

    @Test
    void activityListFiltersByProject() throws IOException {
        JsonNode r = list("ACTIVITY", "project", "P-1003");
        assertThat(r.get("items")).hasSize(sim.dataset().activities("P-1003").size()).isNotEmpty();
        r.get("items").forEach(item -> {
            assertThat(item.get("project").asText()).isEqualTo("P-1003");
            assertThat(item.get("budgetHours").isNumber()).isTrue();
            assertThat(item.get("budgetAmount").isNumber()).isTrue();
        });
    }

    @Test
    void purchaseOrderListFiltersByProjectAndEachOrderCarriesItsLines() throws IOException {
        String project = sim.dataset().purchaseOrders().get(0).project();
        JsonNode r = list("PURCHASE_ORDER", "project", project);
        assertThat(r.get("items")).hasSize(sim.dataset().purchaseOrders(project).size()).isNotEmpty();
        r.get("items").forEach(order -> {
            assertThat(order.get("project").asText()).isEqualTo(project);
            assertThat(order.get("date").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
            assertThat(order.get("lines")).isNotEmpty().allSatisfy(line -> {
                assertThat(line.get("line").isInt()).isTrue();
                assertThat(line.get("quantity").isNumber()).isTrue();
                assertThat(line.get("unitCost").isNumber()).isTrue();
                assertThat(line.get("amount").isNumber()).isTrue();
            });
        });
        assertThat(list("PURCHASE_ORDER", "project", "P-9999").get("items")).isEmpty();
        assertThat(list("PURCHASE_ORDER", "limit", 5000).get("items")).hasSize(sim.dataset().count(AvantageEntity.PURCHASE_ORDER));
        assertThat(sim.counters().lists(AvantageEntity.PURCHASE_ORDER, project)).isEqualTo(1);
        assertThat(sim.counters().lists(AvantageEntity.PURCHASE_ORDER, null)).isEqualTo(1);
    }

    @Test
    void everyEntityListsWithTheSpecFields() throws IOException {
        assertThat(list("PROJECT").at("/items/0").fieldNames()).toIterable()
                .contains("number", "name", "status", "modifiedAt");
        assertThat(list("TRADE").at("/items/0/rates/A").isNumber()).isTrue();
        assertThat(list("EARNING").at("/items/0").fieldNames()).toIterable()
                .contains("code", "description", "kind", "unit", "modifiedAt");
        JsonNode hourTypes = list("HOUR_TYPE").get("items");
        Map<String, String> multipliers = new LinkedHashMap<>();
        hourTypes.forEach(h -> multipliers.put(h.get("code").asText(), h.get("multiplier").asText()));
        assertThat(multipliers).containsEntry("REG", "1.0").containsEntry("OT", "1.5").containsEntry("DT", "2.0");
        JsonNode suppliers = list("SUPPLIER").get("items");
        assertThat(suppliers).hasSize(sim.dataset().count(AvantageEntity.SUPPLIER));
        assertThat(suppliers.get(0).fieldNames()).toIterable().contains("code", "name", "status", "modifiedAt");
        assertThat(suppliers).anyMatch(s -> s.path("status").asText().equals("INACTIVE"));
        assertThat(suppliers).anyMatch(s -> s.at("/address/postalCode").isTextual() && s.at("/address/province").asText().equals("QC"));
        assertThat(list("PURCHASE_ORDER").at("/items/0").fieldNames()).toIterable()
                .contains("number", "supplier", "project", "date", "status", "lines", "modifiedAt");
    }

    @Test
    void unknownEntityAndUnknownOp() throws IOException {
        assertError(list("VENDOR"), "UNKNOWN_ENTITY", "VENDOR");
        assertError(client.call(req("op", "DELETE_EVERYTHING", "token", token)), "UNKNOWN_OP", "DELETE_EVERYTHING");
    }

    @Test
    void badRequestNamesTheField() throws IOException {
        assertError(client.call(req("op", "LIST", "token", token)), "BAD_REQUEST", "entity");
        assertError(list("EMPLOYEE", "limit", 0), "BAD_REQUEST", "limit");
        assertError(list("EMPLOYEE", "limit", 5001), "BAD_REQUEST", "limit");
        assertError(list("EMPLOYEE", "after", "not-a-cursor"), "BAD_REQUEST", "after");
        assertError(list("EMPLOYEE", "modifiedSince", "yesterday"), "BAD_REQUEST", "modifiedSince");
        assertError(list("EMPLOYEE", "project", "P-1001"), "BAD_REQUEST", "project");
        assertError(list("SUPPLIER", "project", "P-1001"), "BAD_REQUEST", "project");
        assertError(client.call(req("op", "LIST", "entity", "EMPLOYEE")), "BAD_REQUEST", "token");
        Map<String, Object> line = line("L-1");
        line.remove("hours");
        assertError(post("B-1", List.of(line)), "BAD_REQUEST", "lines[0].hours");
        assertError(post("B-2", List.of()), "BAD_REQUEST", "lines");
    }

    @Test
    void cursorOfAnotherEntityIsRefused() throws IOException {
        String next = list("EMPLOYEE", "limit", 10).get("next").asText();
        assertError(list("PROJECT", "after", next), "BAD_REQUEST", "after");
    }

    @Test
    void tokensExpireAndLoggingInAgainWorks() throws IOException {
        sim.expireAllTokens();
        assertError(list("PROJECT"), "TOKEN_EXPIRED", "");
        token = client.login();
        assertThat(list("PROJECT").get("ok").asBoolean()).isTrue();
    }

    @Test
    void anyConnectionMayCarryAnyToken() throws IOException {
        try (MainTcpTestClient other = MainTcpTestClient.greeted(sim)) {
            JsonNode r = other.call(req("op", "LIST", "token", token, "entity", "HOUR_TYPE"));
            assertThat(r.get("ok").asBoolean()).isTrue();
        }
    }

    // ---- timesheets -------------------------------------------------------------------------------------

    private Map<String, Object> line(String lineId) {
        Activity activity = sim.dataset().activities("P-1005").get(0);
        Employee employee = sim.dataset().employees().get(0);
        return req("lineId", lineId, "employee", employee.number(), "project", "P-1005",
                "activity", activity.code(), "date", "2025-03-10", "hours", 7.5, "hourType", "REG",
                "earnings", List.of(req("code", "KM", "quantity", 42)));
    }

    private JsonNode post(String batchId, List<Map<String, Object>> lines) throws IOException {
        return client.call(req("op", "POST_TIMESHEETS", "token", token, "batchId", batchId, "lines", lines));
    }

    @Test
    void postTimesheetsIsIdempotentByLineIdAndByBatchId() throws IOException {
        JsonNode first = post("B-1", List.of(line("L-1"), line("L-2")));
        assertThat(first.get("accepted").asInt()).isEqualTo(2);
        assertThat(first.get("duplicates").asInt()).isZero();
        assertThat(first.get("rejected")).isEmpty();

        JsonNode second = post("B-2", List.of(line("L-2"), line("L-3")));
        assertThat(second.get("accepted").asInt()).isEqualTo(1);
        assertThat(second.get("duplicates").asInt()).isEqualTo(1);

        JsonNode repeated = post("B-1", List.of(line("L-9")));
        assertThat(repeated.get("accepted")).isEqualTo(first.get("accepted"));
        assertThat(repeated.get("duplicates")).isEqualTo(first.get("duplicates"));

        assertThat(sim.postedLines()).extracting(TimesheetLine::lineId).containsExactly("L-1", "L-2", "L-3");
    }

    @Test
    void getTimesheetLinesGivesBackTheStoredLinesAsPosted() throws IOException {
        Map<String, Object> posted = line("L-7");
        post("B-7", List.of(posted));

        JsonNode r = client.call(req("op", "GET_TIMESHEET_LINES", "token", token, "lineIds", List.of("L-7", "L-404")));

        assertThat(r.get("lines")).hasSize(1);
        assertThat(r.get("lines").get(0)).isEqualTo(MainTcpTestClient.JSON.valueToTree(posted));
    }

    @Test
    void rejectionsNameTheLineAndTheReason() throws IOException {
        sim.dataset().setPeriodClosedBefore(java.time.LocalDate.of(2025, 1, 1));
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put("UNKNOWN_EMPLOYEE", with(line("R-1"), "employee", "E-99999"));
        cases.put("UNKNOWN_PROJECT", with(line("R-2"), "project", "P-9999"));
        cases.put("UNKNOWN_ACTIVITY", with(line("R-3"), "activity", "99-999"));
        cases.put("UNKNOWN_HOUR_TYPE", with(line("R-4"), "hourType", "reg"));
        cases.put("UNKNOWN_EARNING", with(line("R-5"), "earnings", List.of(req("code", "KM ", "quantity", 1))));
        cases.put("INVALID_HOURS", with(line("R-6"), "hours", 24.5));
        cases.put("PERIOD_CLOSED", with(line("R-7"), "date", "2024-12-31"));
        Map<String, Object> zero = with(line("R-8"), "hours", 0);

        List<Map<String, Object>> lines = new ArrayList<>(cases.values());
        lines.add(zero);
        lines.add(with(line("R-9"), "hours", 24));
        JsonNode r = post("B-R", lines);

        assertThat(r.get("accepted").asInt()).isEqualTo(1);
        Map<String, String> codes = new LinkedHashMap<>();
        r.get("rejected").forEach(x -> codes.put(x.get("lineId").asText(), x.get("code").asText()));
        assertThat(codes).containsExactly(
                Map.entry("R-1", "UNKNOWN_EMPLOYEE"), Map.entry("R-2", "UNKNOWN_PROJECT"),
                Map.entry("R-3", "UNKNOWN_ACTIVITY"), Map.entry("R-4", "UNKNOWN_HOUR_TYPE"),
                Map.entry("R-5", "UNKNOWN_EARNING"), Map.entry("R-6", "INVALID_HOURS"),
                Map.entry("R-7", "PERIOD_CLOSED"), Map.entry("R-8", "INVALID_HOURS"));
        assertThat(sim.postedLines()).extracting(TimesheetLine::lineId).containsExactly("R-9");
    }

    @Test
    void codesAreComparedExactlyAsStoredTrailingBlankIncluded() throws IOException {
        sim.dataset().addActivity("P-1005", "03-777 ", "Coffrage des colonnes", new java.math.BigDecimal("40"),
                new java.math.BigDecimal("4000"));

        JsonNode r = post("B-X", List.of(with(line("X-1"), "activity", "03-777"), with(line("X-2"), "activity", "03-777 "),
                with(line("X-3"), "activity", "03-777\u00A0")));

        assertThat(r.get("accepted").asInt()).isEqualTo(1);
        assertThat(r.get("rejected")).extracting(x -> x.get("lineId").asText() + " " + x.get("code").asText())
                .containsExactly("X-1 UNKNOWN_ACTIVITY", "X-3 UNKNOWN_ACTIVITY");
        assertThat(sim.postedLines()).singleElement().satisfies(held -> {
            assertThat(held.lineId()).isEqualTo("X-2");
            assertThat(held.activity()).isEqualTo("03-777 ");
        });
    }

    private static Map<String, Object> with(Map<String, Object> line, String field, Object value) {
        line.put(field, value);
        return line;
    }

    @Test
    void tooManyLinesIsTooLarge() throws IOException {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            lines.add(line("T-" + i));
        }
        assertError(post("B-T", lines), "TOO_LARGE", "1000");
        assertThat(sim.postedLines()).isEmpty();
    }

    // ---- transport ------------------------------------------------------------------------------------

    @Test
    void zeroLengthFrameClosesTheConnection() throws IOException {
        client.sendRaw(new byte[] {0, 0, 0, 0});
        assertThat(client.closedByServer()).isTrue();
    }

    @Test
    void lengthAboveSixteenMebibytesClosesWithoutWaitingForThePayload() throws IOException {
        client.sendRaw(new byte[] {0x01, 0x00, 0x00, 0x01});
        assertThat(client.closedByServer()).isTrue();
        assertThat(sim.counters().framesRejected()).isEqualTo(1);
    }

    @Test
    void aPayloadThatIsNotJsonIsABadRequestWithNullId() throws IOException {
        client.sendPayload("nope".getBytes());
        JsonNode r = client.receive();
        assertThat(r.get("id").isNull()).isTrue();
        assertError(r, "BAD_REQUEST", "JSON");
    }

    @Test
    void pipelinedRequestsAreAllAnsweredAndReorderingShufflesThem() throws IOException {
        sim.faults().reorderResponses(true);
        List<Long> sent = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sent.add(client.send(req("op", "PING")));
        }
        List<Long> received = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            received.add(client.receive().get("id").asLong());
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent).isNotEqualTo(sent);
    }

    @Test
    void anIdAlreadyInFlightIsRefused() throws IOException {
        sim.faults().delayResponses(java.time.Duration.ofMillis(500));
        client.send(req("id", 7, "op", "PING"));
        client.send(req("id", 7, "op", "PING"));
        JsonNode a = client.receive();
        JsonNode b = client.receive();
        assertThat(List.of(a.path("ok").asBoolean(), b.path("ok").asBoolean())).containsExactlyInAnyOrder(true, false);
        JsonNode refused = a.path("ok").asBoolean() ? b : a;
        assertError(refused, "BAD_REQUEST", "in flight");
    }

    @Test
    void countersCountConnectionsAndRequestsPerOp() throws IOException {
        list("PROJECT");
        list("EMPLOYEE");
        assertThat(sim.counters().connectionsAccepted()).isEqualTo(1);
        assertThat(sim.counters().requests("LOGIN")).isEqualTo(1);
        assertThat(sim.counters().requests("LIST")).isEqualTo(2);
    }

    @Test
    void listsStayConsistentWhenTheSameItemsArePagedOnSeveralConnections() throws IOException {
        Set<String> a = new HashSet<>();
        try (MainTcpTestClient other = MainTcpTestClient.greeted(sim)) {
            JsonNode r = other.call(req("op", "LIST", "token", token, "entity", "PROJECT", "limit", 5000));
            r.get("items").forEach(i -> a.add(i.get("number").asText()));
        }
        assertThat(a).hasSize(sim.dataset().count(AvantageEntity.PROJECT));
    }
}
