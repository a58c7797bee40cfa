package io.passerelle.sandbox.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.MovableClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AcumaticaSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-02T14:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private AcumaticaSimulator sim;

    @BeforeEach
    void start() {
        sim = new AcumaticaSimulator(AcumaticaSimulatorProperties.defaults(), clock).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private HttpResponse<String> login(String user, String password) throws Exception {
        String body = "{\"name\":\"" + user + "\",\"password\":\"" + password + "\",\"tenant\":\"Laurentides\"}";
        return http.send(HttpRequest.newBuilder(URI.create(sim.url() + "/entity/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The Cookie header value a client sends back after a successful login. */
    private String session() throws Exception {
        HttpResponse<String> r = login("passerelle", "sandbox");
        assertThat(r.statusCode()).isEqualTo(204);
        return r.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
    }

    private HttpResponse<String> logout(String cookie) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.url() + "/entity/auth/logout"))
                .header("Cookie", cookie).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String cookie, String pathAndQuery) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + AcumaticaSimulator.ENDPOINT_PATH
                + pathAndQuery)).header("Accept", "application/json").GET();
        if (cookie != null) {
            b.header(cookie.startsWith("Bearer ") ? "Authorization" : "Cookie", cookie);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> put(String cookie, String pathAndQuery, String body, String... headers)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + AcumaticaSimulator.ENDPOINT_PATH
                + pathAndQuery)).header("Content-Type", "application/json").header("Cookie", cookie)
                .PUT(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> token(String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.url() + "/identity/connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    // ---- login, logout, slots -------------------------------------------------------------------------

    @Test
    void loginSetsCookiesAndTheThirdConcurrentLoginHitsTheApiLoginLimit() throws Exception {
        HttpResponse<String> first = login("passerelle", "sandbox");
        assertThat(first.statusCode()).isEqualTo(204);
        assertThat(first.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c).startsWith("ASP.NET_SessionId=").contains("path=/").contains("HttpOnly"))
                .anySatisfy(c -> assertThat(c).startsWith(".ASPXAUTH="));
        String cookie1 = first.headers().allValues("Set-Cookie").stream().map(c -> c.substring(0, c.indexOf(';')))
                .collect(Collectors.joining("; "));
        String cookie2 = session();
        assertThat(sim.openSessions()).isEqualTo(2);

        HttpResponse<String> third = login("passerelle", "sandbox");
        assertThat(third.statusCode()).isEqualTo(500);
        assertThat(json(third).path("exceptionMessage").asText()).contains("API Login Limit");
        assertThat(sim.counters().loginLimitAnswers()).isEqualTo(1);

        assertThat(logout(cookie1).statusCode()).isEqualTo(204);
        assertThat(sim.openSessions()).isEqualTo(1);
        assertThat(get(cookie1, "Vendor?$top=1").statusCode()).isEqualTo(401);
        assertThat(get(cookie2, "Vendor?$top=1").statusCode()).isEqualTo(200);
        String cookie3 = session();
        assertThat(sim.openSessions()).isEqualTo(2);
        logout(cookie2);
        logout(cookie3);
        assertThat(sim.openSessions()).isZero();
        assertThat(sim.counters().logins()).isEqualTo(4);
        assertThat(sim.counters().logouts()).isEqualTo(3);
    }

    @Test
    void theLoginLimitCanAnswer429AndBeChanged() throws Exception {
        sim.faults().loginLimit(1).loginLimitStatus(429);
        String cookie = session();
        HttpResponse<String> second = login("passerelle", "sandbox");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.body()).contains("API Login Limit");
        logout(cookie);
    }

    @Test
    void wrongCredentialsAnswerTheGenericErrorWith500() throws Exception {
        HttpResponse<String> r = login("passerelle", "wrong");
        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(json(r).path("exceptionMessage").asText()).isEqualTo("Invalid credentials. Please try again.");
        assertThat(json(r).path("exceptionType").asText()).isEqualTo("PX.Data.PXException");
        assertThat(sim.openSessions()).isZero();
    }

    @Test
    void legacyCompanyFieldIsAcceptedForTheTenant() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.url() + "/entity/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"name\":\"passerelle\",\"password\":\"sandbox\",\"company\":\"Laurentides\",\"branch\":\"LAURENT\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(204);
    }

    @Test
    void callsWithoutAValidSessionAnswer401AndIdleSessionsExpire() throws Exception {
        assertThat(get(null, "Project").statusCode()).isEqualTo(401);
        assertThat(get("ASP.NET_SessionId=nope; .ASPXAUTH=nope", "Project").statusCode()).isEqualTo(401);
        String cookie = session();
        assertThat(get(cookie, "Project?$top=1").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(19));
        assertThat(get(cookie, "Project?$top=1").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(20));
        assertThat(sim.openSessions()).isZero();
        assertThat(get(cookie, "Project?$top=1").statusCode()).isEqualTo(401);
    }

    // ---- lists ----------------------------------------------------------------------------------------

    @Test
    void pagingWalksEveryRecordOnceForEveryEntity() throws Exception {
        String cookie = session();
        for (EntityType type : EntityType.values()) {
            Set<String> seen = new HashSet<>();
            int pages = 0;
            for (int skip = 0; ; skip += 7) {
                JsonNode page = json(get(cookie, type.name() + "?$top=7&$skip=" + skip));
                assertThat(page.isArray()).isTrue();
                pages++;
                for (JsonNode r : page) {
                    assertThat(seen.add(r.path("id").asText())).as("%s seen once", type).isTrue();
                }
                if (page.size() < 7) {
                    break;
                }
            }
            assertThat(seen).hasSize(sim.dataset().count(type));
            assertThat(pages).isGreaterThan(0);
        }
        assertThat(sim.dataset().count(EntityType.Project)).isEqualTo(30);
        assertThat(sim.dataset().count(EntityType.CostCode)).isEqualTo(60);
        assertThat(sim.dataset().count(EntityType.Vendor)).isEqualTo(79);
        assertThat(sim.dataset().count(EntityType.Customer)).isEqualTo(40);
        assertThat(sim.dataset().count(EntityType.Employee)).isEqualTo(50);
        assertThat(sim.dataset().count(EntityType.ProjectTemplate)).isEqualTo(4);
        assertThat(sim.dataset().count(EntityType.ProjectTask)).isBetween(90, 240);
        logout(cookie);
    }

    @Test
    void listsWrapEveryFieldAndCarryTheSystemFields() throws Exception {
        String cookie = session();
        JsonNode costCodes = json(get(cookie, "CostCode"));
        assertThat(costCodes.get(0).path("CostCodeID").path("value").asText()).isEqualTo("01-100");
        assertThat(costCodes.get(0).path("Description").path("value").asText()).isEqualTo("General Requirements");
        JsonNode vendor = json(get(cookie, "Vendor?$top=3&$skip=2")).get(1);
        assertThat(vendor.path("id").asText()).matches("[0-9a-f-]{36}");
        assertThat(vendor.path("rowNumber").asInt()).isEqualTo(2);
        assertThat(vendor.path("note").has("value")).isTrue();
        assertThat(vendor.path("custom").isObject()).isTrue();
        assertThat(vendor.path("_links").path("self").asText())
                .isEqualTo("/entity/Default/24.200.001/Vendor/" + vendor.path("id").asText());
        assertThat(vendor.path("VendorID").has("value")).isTrue();
        assertThat(vendor.path("LastModifiedDateTime").path("value").asText())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+00:00");
        assertThat(vendor.has("MainContact")).isFalse();
        JsonNode expanded = json(get(cookie, "Vendor?$top=1&$expand=MainContact")).get(0);
        assertThat(expanded.path("MainContact").path("Email").path("value").asText()).contains("@");

        JsonNode tasks = json(get(cookie, "ProjectTask?$filter=" + enc("ProjectID eq '23-100'")));
        assertThat(tasks).isNotEmpty();
        assertThat(tasks.get(0).path("ProjectTaskID").path("value").asText()).isEqualTo("0000");
        assertThat(tasks.get(0).path("Default").path("value").asBoolean()).isTrue();
        logout(cookie);
    }

    @Test
    void lastModifiedFilterReturnsOnlyNewerRecordsAndCombinesWithAnd() throws Exception {
        clock.advance(Duration.ofDays(400));
        String cookie = session();
        Instant before = clock.instant();
        List<String> touched = sim.touch(EntityType.Vendor, 3);
        String since = "2025-06-02T14:00:00.000+00:00";
        assertThat(before).isAfter(Instant.parse("2025-06-02T14:00:00Z"));
        JsonNode changed = json(get(cookie, "Vendor?$filter="
                + enc("LastModifiedDateTime gt datetimeoffset'" + since + "'")));
        assertThat(changed).hasSize(3);
        List<String> ids = new ArrayList<>();
        changed.forEach(v -> ids.add(v.path("VendorID").path("value").asText()));
        assertThat(ids).containsExactlyElementsOf(touched);
        assertThat(changed.get(0).path("VendorName").path("value").asText()).endsWith("(rev. 1)");

        JsonNode one = json(get(cookie, "Vendor?$filter=" + enc("LastModifiedDateTime gt datetimeoffset'" + since
                + "' and VendorID eq '" + touched.get(1) + "'")));
        assertThat(one).hasSize(1);

        HttpResponse<String> or = get(cookie, "Vendor?$filter=" + enc("VendorID eq 'A' or VendorID eq 'B'"));
        assertThat(or.statusCode()).isEqualTo(400);
        assertThat(or.body()).contains("'or'");
        HttpResponse<String> plus = get(cookie, "Vendor?$filter=LastModifiedDateTime%20gt%20datetimeoffset'2025-06-02T14:00:00.000+00:00'");
        assertThat(plus.statusCode()).isEqualTo(400);
        assertThat(get(cookie, "Vendor?$filter=" + enc("startswith(VendorID,'A')")).statusCode()).isEqualTo(400);
        assertThat(get(cookie, "Vendor?$filter=" + enc("Nope eq 'A'")).statusCode()).isEqualTo(400);
        assertThat(get(cookie, "Vendor?$orderby=VendorID").statusCode()).isEqualTo(400);
        logout(cookie);
    }

    @Test
    void keyLookupsIgnoreCaseAndTrailingSpacesLikeSqlServer() throws Exception {
        String cookie = session();
        JsonNode v = json(get(cookie, "Vendor?$filter=" + enc("VendorID eq 'DEMONTIGNY '")));
        assertThat(v).hasSize(1);
        assertThat(v.get(0).path("VendorID").path("value").asText()).isEqualTo(AcumaticaDataset.ODD_CASE_VENDOR);
        logout(cookie);
    }

    // ---- documents ------------------------------------------------------------------------------------

    @Test
    void detailsComeBackOnlyWhenExpanded() throws Exception {
        String cookie = session();
        JsonNode plain = json(get(cookie, "Bill?$top=2"));
        assertThat(plain.get(0).has("Details")).isFalse();
        JsonNode expanded = json(get(cookie, "Bill?$top=2&$expand=Details"));
        JsonNode line = expanded.get(0).path("Details").get(0);
        assertThat(line.path("rowNumber").asInt()).isEqualTo(1);
        assertThat(line.path("id").asText()).isNotEmpty();
        assertThat(line.path("ProjectTask").path("value").asText()).isEqualTo("0000");
        JsonNode byKeys = json(get(cookie, "Bill/Bill/000001?$expand=Details"));
        assertThat(byKeys.path("ReferenceNbr").path("value").asText()).isEqualTo("000001");
        assertThat(byKeys.path("Details").size()).isPositive();
        JsonNode byId = json(get(cookie, "Bill/" + byKeys.path("id").asText()));
        assertThat(byId.path("ReferenceNbr").path("value").asText()).isEqualTo("000001");
        assertThat(get(cookie, "Bill/Bill/999999").statusCode()).isEqualTo(404);
        assertThat(get(cookie, "Bill?$expand=Nope").statusCode()).isEqualTo(400);
        logout(cookie);
    }

    @Test
    void putCreatesWithAutoNumberingThenUpdatesByKey() throws Exception {
        String cookie = session();
        String body = """
                {"VendorID":{"value":"demontigny"},"Description":{"value":"Électricité – lot 26"},
                 "Details":[{"Project":{"value":"23-100"},"Task":{"value":"0000"},"CostCode":{"value":"26-100"},
                             "OrderQty":{"value":"2"},"UnitCost":{"value":"1222.80"}}]}""";
        HttpResponse<String> created = put(cookie, "Subcontract?$expand=Details", body);
        assertThat(created.statusCode()).isEqualTo(200);
        JsonNode sc = json(created);
        String nbr = sc.path("SubcontractNbr").path("value").asText();
        assertThat(nbr).isEqualTo("SC000007");
        assertThat(sc.path("VendorID").path("value").asText()).isEqualTo("DeMontigny");
        assertThat(sc.path("SubcontractTotal").path("value").decimalValue()).isEqualByComparingTo("2445.60");
        assertThat(sc.path("Details").get(0).path("LineNbr").path("value").asInt()).isEqualTo(1);
        assertThat(sim.requests("PUT", "Subcontract")).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5));
        HttpResponse<String> updated = put(cookie, "Subcontract",
                "{\"SubcontractNbr\":{\"value\":\"" + nbr + "\"},\"Description\":{\"value\":\"Révisé\"}}");
        assertThat(updated.statusCode()).isEqualTo(200);
        assertThat(json(updated).path("Description").path("value").asText()).isEqualTo("Révisé");
        assertThat(json(updated).has("Details")).isFalse();
        assertThat(json(updated).path("LastModifiedDateTime").path("value").asText())
                .isGreaterThan(sc.path("LastModifiedDateTime").path("value").asText());
        assertThat(sim.documents(EntityType.Subcontract)).hasSize(7);

        HttpResponse<String> forcedInsert = put(cookie, "Subcontract",
                "{\"SubcontractNbr\":{\"value\":\"" + nbr + "\"},\"VendorID\":{\"value\":\"DeMontigny\"}}",
                "If-None-Match", "*");
        assertThat(forcedInsert.statusCode()).isEqualTo(412);
        HttpResponse<String> forcedUpdate = put(cookie, "Subcontract",
                "{\"SubcontractNbr\":{\"value\":\"SC999999\"},\"VendorID\":{\"value\":\"DeMontigny\"}}",
                "If-Match", "*");
        assertThat(forcedUpdate.statusCode()).isEqualTo(412);
        HttpResponse<String> forcedUpdateOk = put(cookie, "Subcontract",
                "{\"id\":\"" + sc.path("id").asText() + "\",\"VendorRef\":{\"value\":\"PC-0042\"}}", "If-Match", "*");
        assertThat(forcedUpdateOk.statusCode()).isEqualTo(200);
        assertThat(json(forcedUpdateOk).path("SubcontractNbr").path("value").asText()).isEqualTo(nbr);
        assertThat(sim.documents(EntityType.Subcontract)).hasSize(7);
        logout(cookie);
    }

    @Test
    void billsAndPurchaseOrdersKeepHoldAndStatus() throws Exception {
        String cookie = session();
        String bill = """
                {"Type":{"value":"Bill"},"Vendor":{"value":"DeMontigny"},"VendorRef":{"value":"F-1001"},
                 "Hold":{"value":true},"Date":{"value":"2025-06-01"},
                 "Details":[{"Project":{"value":"23-101"},"ProjectTask":{"value":"0000"},"CostCode":{"value":"01-100"},
                             "Qty":{"value":1},"UnitCost":{"value":500.25}}]}""";
        JsonNode saved = json(put(cookie, "Bill", bill));
        assertThat(saved.path("ReferenceNbr").path("value").asText()).isEqualTo("000007");
        assertThat(saved.path("Status").path("value").asText()).isEqualTo("On Hold");
        assertThat(saved.path("Amount").path("value").decimalValue()).isEqualByComparingTo("500.25");
        assertThat(saved.path("DueDate").path("value").asText()).isEqualTo("2025-07-01T00:00:00+00:00");
        JsonNode lookup = json(get(cookie, "Bill?$filter=" + enc("VendorRef eq 'F-1001'")));
        assertThat(lookup).hasSize(1);
        JsonNode released = json(put(cookie, "Bill",
                "{\"Type\":{\"value\":\"Bill\"},\"ReferenceNbr\":{\"value\":\"000007\"},\"Hold\":{\"value\":false}}"));
        assertThat(released.path("Status").path("value").asText()).isEqualTo("Balanced");

        JsonNode po = json(put(cookie, "PurchaseOrder?$expand=Details", """
                {"VendorID":{"value":"DeMontigny"},"Hold":{"value":false},
                 "Details":[{"Project":{"value":"23-101"},"ProjectTask":{"value":"0000"},"CostCode":{"value":"03-100"},
                             "OrderQty":{"value":10},"UnitCost":{"value":"12.50"}}]}"""));
        assertThat(po.path("Type").path("value").asText()).isEqualTo("Normal");
        assertThat(po.path("OrderNbr").path("value").asText()).isEqualTo("PO000007");
        assertThat(po.path("Status").path("value").asText()).isEqualTo("Open");
        assertThat(po.path("OrderTotal").path("value").decimalValue()).isEqualByComparingTo("125.00");
        logout(cookie);
    }

    @Test
    void invalidDocumentsAnswer422WithErrorsOnTheFieldsAndRows() throws Exception {
        String cookie = session();
        String body = """
                {"Type":{"value":"Bill"},"Vendor":{"value":"NOSUCHVEND"},
                 "Details":[{"Project":{"value":"TES2323T"},"Qty":{"value":1},"UnitCost":{"value":10}},
                            {"Project":{"value":"23-100"},"ProjectTask":{"value":"9999"},"CostCode":{"value":"99-999"},
                             "Qty":{"value":1},"UnitCost":{"value":-5}}]}""";
        HttpResponse<String> r = put(cookie, "Bill", body);
        assertThat(r.statusCode()).isEqualTo(422);
        JsonNode e = json(r);
        assertThat(e.path("error").asText()).isEqualTo(
                "Inserting  'Bill' record raised at least one error. Please review the errors.");
        assertThat(e.path("ReferenceNbr").path("value").asText()).isEqualTo("<NEW>");
        assertThat(e.path("Vendor").path("error").asText()).isEqualTo("Vendor 'NOSUCHVEND' cannot be found in the system.");
        JsonNode rows = e.path("Details");
        assertThat(rows.get(0).path("Project").path("error").asText())
                .isEqualTo("Project 'TES2323T' cannot be found in the system.");
        assertThat(rows.get(0).path("Project").path("value").asText()).isEqualTo("TES2323T");
        assertThat(rows.get(1).path("ProjectTask").path("error").asText()).contains("'9999' cannot be found");
        assertThat(rows.get(1).path("CostCode").path("error").asText())
                .isEqualTo("Cost Code '99-999' cannot be found in the system.");
        assertThat(rows.get(1).path("UnitCost").path("error").asText()).contains("cannot be less than 0");
        assertThat(rows.get(1).path("rowNumber").asInt()).isEqualTo(2);
        assertThat(sim.documents(EntityType.Bill)).hasSize(6);

        HttpResponse<String> missing = put(cookie, "Subcontract", "{\"Description\":{\"value\":\"x\"}}");
        assertThat(missing.statusCode()).isEqualTo(422);
        assertThat(json(missing).path("VendorID").path("error").asText()).isEqualTo("'Vendor' cannot be empty.");

        HttpResponse<String> lines = put(cookie, "Subcontract", """
                {"VendorID":{"value":"DeMontigny"},"Details":[{"Project":{"value":"23-100"},"Task":{"value":"0000"},
                 "CostCode":{"value":"01-100"},"UnitCost":{"value":1}}, {"Project":{"value":"NOPE"}}]}""");
        assertThat(lines.statusCode()).isEqualTo(422);
        assertThat(json(lines).path("error").asText()).contains("'Subcontract Line'");

        HttpResponse<String> unwrapped = put(cookie, "Subcontract", "{\"VendorID\":\"DeMontigny\"}");
        assertThat(unwrapped.statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = put(cookie, "Subcontract", "{\"Project\":{\"value\":\"23-100\"}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        logout(cookie);
    }

    // ---- faults ---------------------------------------------------------------------------------------

    @Test
    void tooManyRequestsAnswers429WithRetryAfterAndSparesLogout() throws Exception {
        String cookie = session();
        sim.faults().tooManyRequestsNext(2);
        HttpResponse<String> first = get(cookie, "Project");
        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).contains("1");
        assertThat(get(cookie, "Project").statusCode()).isEqualTo(429);
        assertThat(get(cookie, "Project").statusCode()).isEqualTo(200);
        assertThat(sim.counters().tooManyRequestsAnswers()).isEqualTo(2);
        assertThat(sim.requests("GET", "Project")).isEqualTo(3);
        sim.faults().tooManyRequestsNext(1);
        assertThat(logout(cookie).statusCode()).isEqualTo(204);
        assertThat(sim.openSessions()).isZero();
        sim.reset();
        assertThat(sim.requests("GET", "Project")).isZero();
    }

    @Test
    void aWriteAnswered504IsStoredAnyway() throws Exception {
        String cookie = session();
        sim.faults().dropAfterWriteNext();
        HttpResponse<String> r = put(cookie, "Subcontract", "{\"SubcontractNbr\":{\"value\":\"PC-0042\"},"
                + "\"VendorID\":{\"value\":\"DeMontigny\"}}");
        assertThat(r.statusCode()).isEqualTo(504);
        JsonNode stored = json(get(cookie, "Subcontract/PC-0042"));
        assertThat(stored.path("SubcontractNbr").path("value").asText()).isEqualTo("PC-0042");
        HttpResponse<String> retry = put(cookie, "Subcontract", "{\"SubcontractNbr\":{\"value\":\"PC-0042\"},"
                + "\"VendorID\":{\"value\":\"DeMontigny\"}}");
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(sim.documents(EntityType.Subcontract)).hasSize(7);
        logout(cookie);
    }

    @Test
    void theKitsFaultsReachTheTenant() throws Exception {
        String cookie = session();
        sim.faults().expireTokenAfter(1);
        assertThat(get(cookie, "CostCode?$top=1").statusCode()).isEqualTo(200);
        assertThat(get(cookie, "CostCode?$top=1").statusCode()).as("the session ended after one call").isEqualTo(401);
        assertThat(sim.openSessions()).isZero();

        cookie = session();
        sim.faults().tooManyRequestsEvery(2, Duration.ofSeconds(3));
        assertThat(get(cookie, "CostCode?$top=1").statusCode()).isEqualTo(200);
        HttpResponse<String> second = get(cookie, "CostCode?$top=1");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(second.headers().firstValue("Retry-After")).contains("3");
        sim.faults().reset();

        sim.faults().serverErrorNext(1, 503);
        HttpResponse<String> unavailable = get(cookie, "CostCode?$top=1");
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("503 Service Temporarily Unavailable");
        sim.faults().cutNext();
        String cut = cookie;
        // a PUT: the JDK's client would resend a GET on its own after the cut
        assertThatThrownBy(() -> put(cut, "Subcontract", "{\"VendorID\":{\"value\":\"DeMontigny\"}}"))
                .isInstanceOf(IOException.class);
        assertThat(sim.documents(EntityType.Subcontract)).as("cut before it was handled").hasSize(6);
        assertThat(get(cookie, "CostCode?$top=1").statusCode()).isEqualTo(200);
        assertThat(sim.requests("GET", "CostCode")).as("every call counts, faulted ones too").isEqualTo(6);
        assertThat(sim.requests("PUT", "Subcontract")).isEqualTo(1);
        logout(cookie);
    }

    @Test
    void aDelayedAnswerStillArrives() throws Exception {
        String cookie = session();
        sim.faults().delayNext(Duration.ofMillis(50));
        long start = System.nanoTime();
        assertThat(get(cookie, "CostCode?$top=1").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(50));
        logout(cookie);
    }

    // ---- OAuth ----------------------------------------------------------------------------------------

    @Test
    void passwordGrantGivesABearerTokenAndRefreshRotatesIt() throws Exception {
        AcumaticaSimulatorProperties p = sim.properties();
        String form = "grant_type=password&client_id=" + enc(p.clientId()) + "&client_secret=" + enc(p.clientSecret())
                + "&username=passerelle&password=sandbox&scope=" + enc("api offline_access");
        HttpResponse<String> r = token(form);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode t = json(r);
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("expires_in").asInt()).isEqualTo(3600);
        assertThat(t.path("scope").asText()).isEqualTo("api offline_access");
        assertThat(t.path("refresh_token").asText()).isNotEmpty();
        String bearer = "Bearer " + t.path("access_token").asText();
        assertThat(get(bearer, "Customer?$top=2").statusCode()).isEqualTo(200);
        assertThat(sim.openSessions()).isEqualTo(1);

        JsonNode refreshed = json(token("grant_type=refresh_token&client_id=" + enc(p.clientId()) + "&client_secret="
                + enc(p.clientSecret()) + "&refresh_token=" + enc(t.path("refresh_token").asText())));
        assertThat(refreshed.path("access_token").asText()).isNotEqualTo(t.path("access_token").asText());
        assertThat(sim.openSessions()).isEqualTo(1);
        assertThat(get(bearer, "Customer?$top=2").statusCode()).isEqualTo(401);
        assertThat(get("Bearer " + refreshed.path("access_token").asText(), "Customer?$top=2").statusCode())
                .isEqualTo(200);
        // a refresh token is single-use
        assertThat(token("grant_type=refresh_token&client_id=" + enc(p.clientId()) + "&client_secret="
                + enc(p.clientSecret()) + "&refresh_token=" + enc(t.path("refresh_token").asText())).statusCode())
                .isEqualTo(400);

        clock.advance(Duration.ofMinutes(61));
        assertThat(sim.openSessions()).isZero();
        assertThat(get("Bearer " + refreshed.path("access_token").asText(), "Customer").statusCode()).isEqualTo(401);
        JsonNode revived = json(token("grant_type=refresh_token&client_id=" + enc(p.clientId()) + "&client_secret="
                + enc(p.clientSecret()) + "&refresh_token=" + enc(refreshed.path("refresh_token").asText())));
        assertThat(get("Bearer " + revived.path("access_token").asText(), "Customer?$top=1").statusCode())
                .isEqualTo(200);
        assertThat(sim.openSessions()).isEqualTo(1);
    }

    @Test
    void tokensHoldSlotsAndBadClientsOrScopesAreRefused() throws Exception {
        AcumaticaSimulatorProperties p = sim.properties();
        String base = "client_id=" + enc(p.clientId()) + "&client_secret=" + enc(p.clientSecret());
        JsonNode only = json(token("grant_type=password&" + base + "&username=passerelle&password=sandbox&scope=api"));
        assertThat(only.has("refresh_token")).isFalse();
        token("grant_type=password&" + base + "&username=passerelle&password=sandbox&scope=api");
        HttpResponse<String> third = token("grant_type=password&" + base
                + "&username=passerelle&password=sandbox&scope=api");
        assertThat(third.statusCode()).isEqualTo(400);
        assertThat(third.body()).contains("API Login Limit");
        assertThat(login("passerelle", "sandbox").statusCode()).isEqualTo(500);

        HttpResponse<String> logout = http.send(HttpRequest.newBuilder(URI.create(sim.url() + "/entity/auth/logout"))
                .header("Authorization", "Bearer " + only.path("access_token").asText())
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(sim.openSessions()).isEqualTo(1);

        assertThat(json(token("grant_type=password&client_id=x&client_secret=y&username=passerelle&password=sandbox"
                + "&scope=api")).path("error").asText()).isEqualTo("invalid_client");
        assertThat(json(token("grant_type=password&" + base + "&username=passerelle&password=bad&scope=api"))
                .path("error").asText()).isEqualTo("invalid_grant");
        assertThat(json(token("grant_type=client_credentials&" + base)).path("error").asText())
                .isEqualTo("unsupported_grant_type");
    }

    @Test
    void rootListsTheEndpoint() throws Exception {
        JsonNode root = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(sim.url() + "/entity")).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertThat(root.path("endpoints").get(0).path("version").asText()).isEqualTo("24.200.001");
        assertThat(root.path("version").path("acumaticaBuildVersion").asText()).isNotEmpty();
    }

    @Test
    void theSameSeedGivesTheSameTenant() {
        AcumaticaDataset a = new AcumaticaDataset(7, clock);
        AcumaticaDataset b = new AcumaticaDataset(7, clock);
        for (EntityType t : EntityType.values()) {
            assertThat(a.documents(t)).isEqualTo(b.documents(t));
        }
        ObjectNode p = a.addProject("99-001", "Test", "VILLEDESAI");
        assertThat(p.path("ProjectID").path("value").asText()).isEqualTo("99-001");
        assertThat(a.count(EntityType.ProjectTask)).isEqualTo(b.count(EntityType.ProjectTask) + 1);
    }
}
