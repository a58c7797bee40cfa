package io.passerelle.sandbox.abacus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AbacusSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BOOKING_ID = "3f0e2a57-1c2d-4e5f-8a9b-0c1d2e3f4a5b";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-05T16:02:11Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private AbacusSimulator sim;

    @BeforeEach
    void start() {
        sim = new AbacusSimulator(AbacusSimulatorProperties.defaults(), clock).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private HttpResponse<String> tokenRequest(String basic, String form) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + AbacusSimulator.TOKEN_PATH))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (basic != null) {
            b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String scope) throws Exception {
        HttpResponse<String> r = tokenRequest(AbacusSimulatorProperties.DEMO_CLIENT_ID + ":sandbox-client-secret",
                "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + URLEncoder.encode(scope,
                        StandardCharsets.UTF_8)));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("access_token").asText();
    }

    private HttpResponse<String> get(String token, String url, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET();
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> api(String token, String pathAndQuery, String... headers) throws Exception {
        return get(token, sim.mandantUrl() + "/" + pathAndQuery, headers);
    }

    private HttpResponse<String> post(String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.mandantUrl() + "/ProjectBookings"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static String booking(String id, long employee, long project, long serviceCode, String quantity) {
        return "{\"Id\":\"" + id + "\",\"Type\":\"Booking\",\"Date\":\"2026-03-05\",\"EmployeeId\":" + employee
                + ",\"ProjectId\":" + project + ",\"ServiceCodeId\":" + serviceCode + ",\"Text\":\"Montage Halle 2\","
                + "\"Values\":{\"InternalValue\":{\"Quantity\":" + quantity + "},\"TimeFrom\":\"07:00:00\","
                + "\"TimeTo\":\"15:00:00\"}}";
    }

    /** Follows nextLinks verbatim to the end; answers the Ids in order. */
    private List<Long> readAll(String token, String first, String... headers) throws Exception {
        List<Long> ids = new ArrayList<>();
        String url = first;
        while (url != null) {
            HttpResponse<String> r = get(token, url, headers);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = json(r);
            assertThat(page.path("value").size()).isLessThanOrEqualTo(100);
            page.path("value").forEach(v -> ids.add(v.path("Id").asLong()));
            url = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
        }
        return ids;
    }

    // ---- authentication -------------------------------------------------------------------------------

    @Test
    void openIdConfigurationNamesTheTokenEndpoint() throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(sim.url()
                + "/.well-known/openid-configuration")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("issuer").asText()).isEqualTo(sim.url());
        assertThat(json(r).path("token_endpoint").asText()).isEqualTo(sim.url() + "/oauth/oauth2/v1/token");
    }

    @Test
    void clientCredentialsByBasicHeaderOrFormGiveA600SecondTokenWithoutRefresh() throws Exception {
        HttpResponse<String> basic = tokenRequest(AbacusSimulatorProperties.DEMO_CLIENT_ID + ":sandbox-client-secret",
                "grant_type=client_credentials");
        assertThat(basic.statusCode()).isEqualTo(200);
        JsonNode t = json(basic);
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("expires_in").asInt()).isEqualTo(600);
        assertThat(t.has("refresh_token")).isFalse();
        assertThat(t.path("scope").asText().split(" ")).containsExactlyInAnyOrder(
                AbacusSimulatorProperties.ALL_SCOPES.split(" "));

        HttpResponse<String> form = tokenRequest(null, "grant_type=client_credentials&client_id="
                + AbacusSimulatorProperties.DEMO_CLIENT_ID + "&client_secret=sandbox-client-secret");
        assertThat(form.statusCode()).isEqualTo(200);
        assertThat(sim.counters().tokensIssued("client_credentials")).isEqualTo(2);
    }

    @Test
    void wrongClientOtherGrantsAndNoCommonScopeAreRefused() throws Exception {
        HttpResponse<String> wrong = tokenRequest(AbacusSimulatorProperties.DEMO_CLIENT_ID + ":nope",
                "grant_type=client_credentials");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(json(wrong).path("error").asText()).isEqualTo("invalid_client");
        assertThat(json(wrong).path("error_description").asText()).isEqualTo("Client authentication failed");

        HttpResponse<String> password = tokenRequest(AbacusSimulatorProperties.DEMO_CLIENT_ID + ":sandbox-client-secret",
                "grant_type=password&username=a&password=b");
        assertThat(password.statusCode()).isEqualTo(400);
        assertThat(json(password).path("error").asText()).isEqualTo("unsupported_grant_type");

        HttpResponse<String> scope = tokenRequest(AbacusSimulatorProperties.DEMO_CLIENT_ID + ":sandbox-client-secret",
                "grant_type=client_credentials&scope=abacus.entity.invoice.read");
        assertThat(scope.statusCode()).isEqualTo(400);
        assertThat(json(scope).path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    void grantedScopesAreTheRequestedOnesHeldAndAMissingOneIs403() throws Exception {
        sim.stop();
        sim = new AbacusSimulator(AbacusSimulatorProperties.defaults().withScopes(
                "abacus.entity.employee.read abacus.entity.projectbooking.read"), clock).start();
        HttpResponse<String> r = tokenRequest(AbacusSimulatorProperties.DEMO_CLIENT_ID + ":sandbox-client-secret",
                "grant_type=client_credentials&scope=abacus.entity.employee.read+abacus.entity.project.read");
        assertThat(json(r).path("scope").asText()).isEqualTo("abacus.entity.employee.read");
        String token = json(r).path("access_token").asText();

        assertThat(api(token, "Employees(1001)").statusCode()).isEqualTo(200);
        HttpResponse<String> projects = api(token, "Projects");
        assertThat(projects.statusCode()).isEqualTo(403);
        assertThat(json(projects).path("error").path("code").asText()).isEqualTo("Forbidden");
        assertThat(json(projects).path("error").path("message").asText())
                .isEqualTo("Scope abacus.entity.project.read required");
        HttpResponse<String> write = post(token(null), booking(BOOKING_ID, 1001, 26003, 110, "7.5"));
        assertThat(write.statusCode()).isEqualTo(403);
        assertThat(json(write).path("error").path("message").asText())
                .isEqualTo("Scope abacus.entity.projectbooking.readwrite required");
    }

    @Test
    void unknownExpiredAndWornOutTokensAre401InvalidToken() throws Exception {
        HttpResponse<String> unknown = api("forged", "Employees");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
        assertThat(json(unknown).path("error").path("code").asText()).isEqualTo("Unauthorized");
        assertThat(json(unknown).path("error").path("message").asText())
                .isEqualTo("The access token is invalid or has expired");

        String token = token(null);
        clock.advance(Duration.ofSeconds(601));
        assertThat(api(token, "Employees").statusCode()).as("600 s have passed").isEqualTo(401);

        String fresh = token(null);
        sim.faults().expireTokenAfter(2);
        assertThat(api(fresh, "Employees(1001)").statusCode()).isEqualTo(200);
        assertThat(api(fresh, "Employees(1002)").statusCode()).isEqualTo(200);
        assertThat(api(fresh, "Employees(1003)").statusCode()).isEqualTo(401);
        assertThat(api(fresh, "Employees(1003)").statusCode()).as("it stays dead").isEqualTo(401);
        assertThat(api(token(null), "Employees(1003)").statusCode()).isEqualTo(200);
    }

    @Test
    void aConfiguredTokenCallLimitKillsEveryTokenAfterThatManyCalls() throws Exception {
        sim.stop();
        sim = new AbacusSimulator(AbacusSimulatorProperties.defaults().withFaults(0, 3), clock).start();
        for (int round = 0; round < 2; round++) {
            String token = token(null);
            for (int i = 0; i < 3; i++) {
                assertThat(api(token, "Employees(1001)").statusCode()).isEqualTo(200);
            }
            assertThat(api(token, "Employees(1001)").statusCode()).isEqualTo(401);
        }
    }

    // ---- reads ----------------------------------------------------------------------------------------

    @Test
    void anUnknownMandantIs404AndTheServiceDocumentListsTheSets() throws Exception {
        String token = token(null);
        HttpResponse<String> wrong = get(token, sim.url() + "/api/entity/v1/mandants/1234/Employees");
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(json(wrong).path("error").path("code").asText()).isEqualTo("NotFound");

        HttpResponse<String> doc = api(token, "");
        assertThat(doc.statusCode()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        json(doc).path("value").forEach(v -> names.add(v.path("name").asText()));
        assertThat(names).contains("Employees", "Projects", "ServiceCodes", "ProjectBookings");
    }

    @Test
    void pagingThroughNextLinksGivesEveryRecordOnceInIdOrder() throws Exception {
        String token = token(null);
        HttpResponse<String> first = api(token, "Employees?$count=true");
        JsonNode page = json(first);
        assertThat(page.path("@odata.context").asText()).endsWith("/$metadata#Employees");
        assertThat(page.path("@odata.count").asInt()).isEqualTo(120);
        assertThat(page.path("value").size()).isEqualTo(100);
        assertThat(page.path("@odata.nextLink").asText()).startsWith(sim.mandantUrl() + "/Employees?")
                .contains("$skiptoken=");

        List<Long> ids = readAll(token, sim.mandantUrl() + "/Employees");
        assertThat(ids).hasSize(120).doesNotHaveDuplicates().isSorted();
        assertThat(readAll(token, sim.mandantUrl() + "/Employees", "Prefer", "odata.maxpagesize=7")).isEqualTo(ids);
        assertThat(readAll(token, sim.mandantUrl() + "/Projects")).hasSize(25);
        assertThat(readAll(token, sim.mandantUrl() + "/ServiceCodes")).hasSize(12);
        assertThat(sim.requests("GET", "Employees")).isEqualTo(1 + 2 + 18);

        assertThat(json(api(token, "Projects?$top=5&$skip=3")).path("value").findValuesAsText("Id"))
                .containsExactly("26004", "26005", "26006", "26007", "26008");
    }

    @Test
    void textComesBackAsStored() throws Exception {
        JsonNode e = json(api(token(null), "Employees(1001)"));
        assertThat(e.path("BadgeIdTimeRecording").asText()).isEqualTo("AC-1001 ");
        assertThat(e.path("FirstName").asText()).isEqualTo("Jürg");
        JsonNode codes = json(api(token(null), "ServiceCodes"));
        Set<String> inactive = new HashSet<>();
        codes.path("value").forEach(c -> {
            if (c.path("Inactive").asBoolean()) {
                inactive.add(c.path("Id").asText());
            }
        });
        assertThat(inactive).containsExactly("210");
        assertThat(json(api(token(null), "ServiceCodes(180)")).path("ServiceCode2").asText()).isEqualTo("REGI\u00a0");
        assertThat(api(token(null), "Employees(9999)").statusCode()).isEqualTo(404);
    }

    @Test
    void filtersOnIndexedTimestampsFollowTheirNextLinksAndOthersAreNotIndexed() throws Exception {
        String token = token(null);
        Instant changed = sim.dataset().modify(AbacusSet.Employees, 1050, "BadgeIdTimeRecording", "AC-1050 ");
        String filter = URLEncoder.encode("ModificationDate ge " + changed, StandardCharsets.UTF_8);
        JsonNode page = json(api(token, "Employees?$filter=" + filter));
        assertThat(page.path("value").findValuesAsText("Id")).containsExactly("1050");
        assertThat(page.path("value").get(0).path("BadgeIdTimeRecording").asText()).isEqualTo("AC-1050 ");

        String all = URLEncoder.encode("ModificationDate ge 2026-03-02T06:00:00Z and Id gt 1010",
                StandardCharsets.UTF_8);
        List<Long> ids = readAll(token, sim.mandantUrl() + "/Employees?$filter=" + all, "Prefer",
                "odata.maxpagesize=25");
        assertThat(ids).hasSize(110).allMatch(id -> id > 1010);

        sim.dataset().touch(AbacusSet.Projects, 26007);
        String projects = URLEncoder.encode("ChangeInformation/ChangedOn ge 2026-03-05T00:00:00Z",
                StandardCharsets.UTF_8);
        assertThat(json(api(token, "Projects?$filter=" + projects)).path("value").findValuesAsText("Id"))
                .containsExactly("26007");

        HttpResponse<String> name = api(token, "Employees?$filter=" + URLEncoder.encode("LastName eq 'Müller'",
                StandardCharsets.UTF_8));
        assertThat(name.statusCode()).isEqualTo(400);
        assertThat(json(name).path("error").path("code").asText()).isEqualTo("NotIndexed");
        HttpResponse<String> quoted = api(token, "Employees?$filter=" + URLEncoder.encode(
                "ModificationDate ge '2026-03-01'", StandardCharsets.UTF_8));
        assertThat(quoted.statusCode()).isEqualTo(400);
    }

    // ---- bookings -------------------------------------------------------------------------------------

    @Test
    void aBookingIsCreatedOnceAndReadBackByKeyOrFilter() throws Exception {
        String token = token("abacus.entity.projectbooking.readwrite");
        HttpResponse<String> created = post(token, booking(BOOKING_ID, 1001, 26003, 110, "\"7.5\""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .hasValue(sim.mandantUrl() + "/ProjectBookings(" + BOOKING_ID + ")");
        JsonNode entity = json(created);
        assertThat(entity.path("Number").asLong()).isEqualTo(1);
        assertThat(entity.path("Status").path("CreatedDateTime").asText()).isEqualTo("2026-03-05T16:02:11Z");
        assertThat(entity.path("Values").path("InternalValue").path("Quantity").decimalValue()).isEqualByComparingTo("7.5");

        HttpResponse<String> again = post(token, booking(BOOKING_ID, 1002, 26004, 100, "3"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").path("code").asText()).isEqualTo("Conflict");
        assertThat(json(again).path("error").path("target").asText()).isEqualTo("Id");
        assertThat(post(token, booking(BOOKING_ID.toUpperCase(), 9999, 26004, 100, "3")).statusCode())
                .as("a repeat is a conflict even when the rest of it would be refused").isEqualTo(409);
        assertThat(sim.bookings()).hasSize(1);
        assertThat(sim.bookings().get(0).path("EmployeeId").asLong()).isEqualTo(1001);

        HttpResponse<String> byKey = api(token, "ProjectBookings(" + BOOKING_ID + ")");
        assertThat(byKey.statusCode()).isEqualTo(200);
        assertThat(json(byKey).path("Number").asLong()).isEqualTo(1);
        assertThat(api(token, "ProjectBookings(0e0e0e0e-0000-4000-8000-000000000000)").statusCode()).isEqualTo(404);
        assertThat(json(api(token, "ProjectBookings?$filter=" + URLEncoder.encode("Id eq " + BOOKING_ID,
                StandardCharsets.UTF_8))).path("value").size()).isEqualTo(1);

        HttpResponse<String> minimal = post(token, booking("4a0e2a57-1c2d-4e5f-8a9b-0c1d2e3f4a5b", 1001, 26003, 110,
                "8"), "Prefer", "return=minimal");
        assertThat(minimal.statusCode()).isEqualTo(204);
        assertThat(sim.bookings()).extracting(b -> b.path("Number").asLong()).containsExactly(1L, 2L);
    }

    @Test
    void aRefusedBookingNamesEveryFaultAndStoresNothing() throws Exception {
        String text = "x".repeat(81);
        String body = "{\"Type\":\"Planning\",\"Date\":\"2026-02-30\",\"EmployeeId\":9999,\"ProjectId\":26012,"
                + "\"ServiceCodeId\":210,\"Text\":\"" + text + "\",\"Values\":{\"InternalValue\":{\"Quantity\":0}}}";
        HttpResponse<String> r = post(token(null), body);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = json(r).path("error");
        assertThat(error.path("code").asText()).isEqualTo("ValidationFailed");
        assertThat(error.path("details").findValuesAsText("code")).containsExactly("MissingId", "InvalidType",
                "InvalidDate", "UnknownEmployee", "UnknownProject", "UnknownServiceCode", "InvalidQuantity",
                "TextTooLong");
        assertThat(error.path("details").get(3).path("message").asText()).isEqualTo("Employee 9999 does not exist");
        assertThat(error.path("details").get(3).path("target").asText()).isEqualTo("EmployeeId");
        assertThat(sim.bookings()).isEmpty();
    }

    @Test
    void aCutAfterTheWriteStoresTheBookingWithoutAnswering() throws Exception {
        String token = token(null);
        sim.faults().cutAfterWriteNext();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> post(token, booking(BOOKING_ID, 1001, 26003, 110, "7.5")))
                .isInstanceOf(IOException.class);
        assertThat(sim.bookings()).hasSize(1);
        assertThat(api(token, "ProjectBookings(" + BOOKING_ID + ")").statusCode()).isEqualTo(200);
    }

    // ---- faults ---------------------------------------------------------------------------------------

    @Test
    void aSlowAnswerComesAfterItsDelay() throws Exception {
        String token = token(null);
        sim.faults().delayNext(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(api(token, "Employees(1001)").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void tooManyRequestsComesWithRetryAfter() throws Exception {
        String token = token(null);
        sim.faults().tooManyRequestsNext(1, Duration.ofSeconds(3));
        HttpResponse<String> r = api(token, "Employees");
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("3");
        assertThat(json(r).path("error").path("code").asText()).isEqualTo("TooManyRequests");
        assertThat(api(token, "Employees").statusCode()).isEqualTo(200);
        assertThat(sim.counters().events(AbacusSimulator.TOO_MANY_REQUESTS)).isEqualTo(1);
    }

    @Test
    void theServiceUsersQuotaHoldsForAnySlidingMinuteAndSaysWhenTheOldestCallLeavesIt() throws Exception {
        String token = token(null);
        sim.rateLimit().set(3);
        assertThat(api(token, "Employees").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(20));
        assertThat(api(token, "Employees").statusCode()).isEqualTo(200);
        assertThat(api(token, "Projects").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = api(token, "Employees");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).as("the first call leaves the minute in 40 s").hasValue("40");
        assertThat(json(refused).path("error").path("code").asText()).isEqualTo("TooManyRequests");
        assertThat(token(null)).as("tokens are not API calls").isNotBlank();

        clock.advance(Duration.ofSeconds(40));
        assertThat(api(token, "Employees").statusCode()).as("one call left the minute").isEqualTo(200);
        assertThat(api(token, "Employees").statusCode()).isEqualTo(429);
        assertThat(sim.counters().events(AbacusSimulator.TOO_MANY_REQUESTS)).isEqualTo(2);
        assertThat(sim.rateLimit().refusals()).hasSize(2);

        sim.reset();
        assertThat(sim.rateLimit().limit()).as("back to the configured: none").isZero();
        assertThat(sim.rateLimit().refusals()).isEmpty();
    }
}
