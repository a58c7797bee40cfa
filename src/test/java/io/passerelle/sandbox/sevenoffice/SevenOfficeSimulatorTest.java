package io.passerelle.sandbox.sevenoffice;

import static io.passerelle.sandbox.sevenoffice.SevenOfficeDataset.FJORDBYGG;
import static io.passerelle.sandbox.sevenoffice.SevenOfficeDataset.HAVBRIS;
import static io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties.CLIENT_A;
import static io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties.CLIENT_B;
import static io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties.CLIENT_C;
import static io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties.SECRET_A;
import static io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties.SECRET_B;
import static io.passerelle.sandbox.sevenoffice.SevenOfficeSimulatorProperties.SECRET_C;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SevenOfficeSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String AUDIENCE = URLEncoder.encode(SevenOfficeSimulator.AUDIENCE, StandardCharsets.UTF_8);
    private static final Pattern NEXT = Pattern.compile("<([^>]*)>; rel=\"next\"");
    private static final String STAMP = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String EXAMPLE = """
            {"id":10001,"name":"Bjørnstad Rør AS","isCompany":true,"isSupplier":false,"organizationNumber":"912345674",
             "address":{"visit":{"street":"Storgata 5","postalCode":"0155","postalArea":"Oslo","countryCode":"NO"}},
             "email":{"contact":"post@bjornstadror.no","billing":"faktura@bjornstadror.no"},"phone":"+47-22334455",
             "createdAt":"2025-11-03 08:00:00.000Z","modifiedAt":"2026-03-02 10:00:07.000Z"}""";

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-05T16:02:11Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private SevenOfficeSimulator sim;

    @BeforeEach
    void start() {
        sim = new SevenOfficeSimulator(SevenOfficeSimulatorProperties.defaults(), clock).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private HttpResponse<String> tokenRequest(String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(sim.tokenUrl())).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String form(String clientId, String secret, Object organization) {
        return "grant_type=client_credentials&audience=" + AUDIENCE + "&client_id=" + clientId + "&client_secret="
                + secret + "&login_organization=" + organization;
    }

    private String token(String clientId, String secret, long organization) throws Exception {
        HttpResponse<String> r = tokenRequest(FORM, form(clientId, secret, organization));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).path("access_token").asText();
    }

    private String tokenA(long organization) throws Exception {
        return token(CLIENT_A, SECRET_A, organization);
    }

    private HttpResponse<String> get(String token, String pathAndQuery) throws Exception {
        return follow(token, sim.apiUrl() + pathAndQuery);
    }

    private HttpResponse<String> follow(String token, String url) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    private static String link(HttpResponse<String> r) {
        return r.headers().firstValue("link").orElseThrow();
    }

    private static String next(HttpResponse<String> r) {
        Matcher m = NEXT.matcher(r.headers().firstValue("link").orElse(""));
        return m.find() ? m.group(1) : null;
    }

    /** Follows {@code rel="next"} verbatim from the first page to the last; answers the page sizes and every customer. */
    private List<JsonNode> readAll(String token, String firstPathAndQuery, List<Integer> pageSizes) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        String url = sim.apiUrl() + firstPathAndQuery;
        while (url != null) {
            HttpResponse<String> r = follow(token, url);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode page = json(r);
            assertThat(page.isArray()).isTrue();
            pageSizes.add(page.size());
            page.forEach(all::add);
            url = next(r);
        }
        return all;
    }

    private static List<Long> ids(List<JsonNode> customers) {
        return customers.stream().map(c -> c.path("id").asLong()).toList();
    }

    private static void assertApiError(HttpResponse<String> r, int status, String name) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode body = json(r);
        assertThat(body.path("error").path("name").asText()).isEqualTo(name);
        assertThat(body.path("trackingId").asText()).isEqualTo(r.headers().firstValue("X-Trace-Id").orElseThrow());
        assertThat(r.body()).doesNotContain("Exception");
    }

    private static void assertTokenError(HttpResponse<String> r, int status, String error) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(json(r).path("error").asText()).isEqualTo(error);
        assertThat(json(r).path("error_description").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("secret-");
    }

    // ---- tokens ---------------------------------------------------------------------------------------

    @Test
    void aTokenForOneOrganizationFromAFormOrAJsonBody() throws Exception {
        HttpResponse<String> r = tokenRequest(FORM, form(CLIENT_A, SECRET_A, FJORDBYGG));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
        JsonNode t = json(r);
        assertThat(t.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(t.path("expires_in").asLong()).isEqualTo(86_400);
        assertThat(t.path("scope").asText()).isEqualTo("api.crm.customer:read api.organization.information:read");
        assertThat(t.path("access_token").asText()).matches("eyJ[A-Za-z0-9_-]+\\.eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(t.has("refresh_token")).isFalse();
        assertThat(get(t.path("access_token").asText(), "/organization/information").statusCode()).isEqualTo(200);

        HttpResponse<String> viaJson = tokenRequest("application/json", """
                {"grant_type":"client_credentials","audience":"https://api.24sevenoffice.com",
                 "client_id":"sandbox-24so-client-b","client_secret":"sandbox-24so-secret-b","login_organization":4711}""");
        assertThat(viaJson.statusCode()).as(viaJson.body()).isEqualTo(200);
        assertThat(json(viaJson).path("access_token").asText()).isNotEqualTo(t.path("access_token").asText());

        HttpResponse<String> narrowed = tokenRequest(FORM, form(CLIENT_A, SECRET_A, HAVBRIS)
                + "&scope=api.organization.information:read+api.crm.customer:write");
        assertThat(json(narrowed).path("scope").asText()).as("fewer scopes than asked for")
                .isEqualTo("api.organization.information:read");
        assertApiError(get(json(narrowed).path("access_token").asText(), "/customers"), 403, "UnauthorizedError");

        assertThat(sim.counters().tokensIssued("client_credentials")).isEqualTo(3);
        assertThat(sim.tokensIssued(CLIENT_A, FJORDBYGG)).isEqualTo(1);
        assertThat(sim.tokensIssued(CLIENT_B, FJORDBYGG)).isEqualTo(1);
        assertThat(sim.tokensIssued(CLIENT_A, HAVBRIS)).isEqualTo(1);
        assertThat(sim.requests("POST", SevenOfficeSimulator.TOKEN)).isEqualTo(3);
    }

    @Test
    void eachTokenRefusalInAuth0sWords() throws Exception {
        HttpResponse<String> wrongSecret = tokenRequest(FORM, form(CLIENT_A, "guess", FJORDBYGG));
        assertThat(wrongSecret.statusCode()).isEqualTo(401);
        assertThat(json(wrongSecret)).isEqualTo(JSON.readTree(
                "{\"error\":\"access_denied\",\"error_description\":\"Unauthorized\"}"));
        assertTokenError(tokenRequest(FORM, form("someone-else", SECRET_A, FJORDBYGG)), 401, "access_denied");
        assertTokenError(tokenRequest(FORM, form(CLIENT_A, SECRET_A, FJORDBYGG).replace("&client_secret=" + SECRET_A,
                "")), 401, "access_denied");

        HttpResponse<String> notConnected = tokenRequest(FORM, form(CLIENT_B, SECRET_B, HAVBRIS));
        assertTokenError(notConnected, 403, "access_denied");
        assertThat(json(notConnected).path("error_description").asText()).contains("4712");
        assertTokenError(tokenRequest(FORM, form(CLIENT_A, SECRET_A, 9999)), 403, "access_denied");
        assertTokenError(tokenRequest(FORM, form(CLIENT_A, SECRET_A, "fjordbygg")), 403, "access_denied");

        String base = form(CLIENT_A, SECRET_A, FJORDBYGG);
        assertTokenError(tokenRequest(FORM, base.replace(AUDIENCE, URLEncoder.encode("https://api.example.com",
                StandardCharsets.UTF_8))), 403, "access_denied");
        assertTokenError(tokenRequest(FORM, base.replace("&audience=" + AUDIENCE, "")), 403, "access_denied");
        HttpResponse<String> noOrganization = tokenRequest(FORM, base.replace("&login_organization=4711", ""));
        assertTokenError(noOrganization, 400, "invalid_request");
        assertThat(json(noOrganization).path("error_description").asText()).contains("login_organization");
        assertTokenError(tokenRequest(FORM, base + "&login_organization="), 400, "invalid_request");

        assertTokenError(tokenRequest(FORM, base.replace("client_credentials", "password")), 400,
                "unsupported_grant_type");
        assertTokenError(tokenRequest("text/plain", base), 400, "invalid_request");
        assertTokenError(tokenRequest("application/json", "{\"grant_type\":"), 400, "invalid_request");

        assertThat(sim.counters().tokensIssued("client_credentials")).isZero();
        assertThat(sim.requests("POST", SevenOfficeSimulator.TOKEN)).isEqualTo(13);
    }

    @Test
    void aTokenIsValidForItsOrganizationOnlyAndTwoClientsOfOneOrganizationSeeTheSameCompany() throws Exception {
        String fjordbyggA = tokenA(FJORDBYGG);
        String havbrisA = tokenA(HAVBRIS);
        String fjordbyggB = token(CLIENT_B, SECRET_B, FJORDBYGG);

        JsonNode seenByA = json(get(fjordbyggA, "/organization/information"));
        JsonNode seenByB = json(get(fjordbyggB, "/organization/information"));
        assertThat(seenByA.path("id").asLong()).isEqualTo(4711);
        assertThat(seenByA.path("name").asText()).isEqualTo("Fjordbygg AS");
        assertThat(seenByB).as("the second user's connection reaches the same organization").isEqualTo(seenByA);
        assertThat(json(get(havbrisA, "/organization/information")).path("id").asLong()).isEqualTo(4712);

        assertThat(readAll(fjordbyggA, "/customers?limit=100", new ArrayList<>())).hasSize(230);
        assertThat(readAll(havbrisA, "/customers?limit=100", new ArrayList<>())).hasSize(40);
        assertThat(readAll(fjordbyggB, "/customers?limit=100", new ArrayList<>()))
                .isEqualTo(readAll(fjordbyggA, "/customers?limit=100", new ArrayList<>()));

        assertThat(get(fjordbyggA, "/customers/10100").statusCode()).isEqualTo(200);
        assertApiError(get(havbrisA, "/customers/10100"), 404, "NotFoundError");
        assertThat(json(get(havbrisA, "/customers/10001")).path("name").asText())
                .as("each organization numbers its own customers").isNotEqualTo("Bjørnstad Rør AS");

        assertThat(sim.requests(SevenOfficeSimulator.ORGANIZATION, FJORDBYGG)).isEqualTo(2);
        assertThat(sim.requests(SevenOfficeSimulator.ORGANIZATION, HAVBRIS)).isEqualTo(1);
        assertThat(sim.requests(SevenOfficeSimulator.CUSTOMERS, HAVBRIS)).isEqualTo(1);
        assertThat(sim.requests(SevenOfficeSimulator.CUSTOMERS, FJORDBYGG)).isEqualTo(9);
    }

    // ---- customers: paging ----------------------------------------------------------------------------

    @Test
    void twoHundredThirtyCustomersInThreePagesOfAHundredFollowingTheLinkHeaderVerbatim() throws Exception {
        String token = tokenA(FJORDBYGG);
        HttpResponse<String> first = get(token, "/customers?limit=100");
        String base = sim.apiUrl() + "/customers?limit=100&page=";
        assertThat(link(first)).isEqualTo("<" + base + "2>; rel=\"next\", <" + base + "1>; rel=\"first\", <" + base
                + "1>; rel=\"previous\"");
        HttpResponse<String> second = follow(token, next(first));
        assertThat(link(second)).isEqualTo("<" + base + "3>; rel=\"next\", <" + base + "1>; rel=\"first\", <" + base
                + "1>; rel=\"previous\"");
        HttpResponse<String> last = follow(token, next(second));
        assertThat(json(last)).hasSize(30);
        assertThat(link(last)).as("no next on the last page").isEqualTo("<" + base + "1>; rel=\"first\", <" + base
                + "2>; rel=\"previous\"");

        List<Integer> sizes = new ArrayList<>();
        List<Long> ids = ids(readAll(token, "/customers?limit=100", sizes));
        assertThat(sizes).containsExactly(100, 100, 30);
        assertThat(ids).hasSize(230).doesNotHaveDuplicates().isSorted().startsWith(10001L).endsWith(10230L);
        assertThat(sim.requests("GET", SevenOfficeSimulator.CUSTOMERS)).isEqualTo(6);
    }

    @Test
    void twentyFiveByDefaultAndAPagePastTheEndIsEmpty() throws Exception {
        String token = tokenA(FJORDBYGG);
        HttpResponse<String> first = get(token, "/customers");
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json(first)).hasSize(25);
        assertThat(next(first)).isEqualTo(sim.apiUrl() + "/customers?page=2");
        List<Integer> sizes = new ArrayList<>();
        assertThat(readAll(token, "/customers", sizes)).hasSize(230);
        assertThat(sizes).hasSize(10).endsWith(5);

        HttpResponse<String> past = get(token, "/customers?limit=100&page=4");
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(json(past)).isEmpty();
        assertThat(next(past)).isNull();
    }

    @Test
    void aLimitAboveAHundredOrABadParameterIsAValidationError() throws Exception {
        String token = tokenA(FJORDBYGG);
        HttpResponse<String> tooMany = get(token, "/customers?limit=101");
        assertApiError(tooMany, 400, "ValidationError");
        assertThat(json(tooMany)).isEqualTo(JSON.readTree("{\"error\":{\"name\":\"ValidationError\",\"payload\":"
                + "{\"validationErrors\":[{\"path\":\"limit\",\"keyword\":\"maximum\"}]}},\"trackingId\":\""
                + tooMany.headers().firstValue("X-Trace-Id").orElseThrow() + "\"}"));
        assertThat(json(get(token, "/customers?limit=100"))).hasSize(100);

        String[][] refusals = {
                {"limit=0", "limit", "minimum"}, {"limit=ten", "limit", "type"}, {"page=0", "page", "minimum"},
                {"page=x", "page", "type"}, {"isCompany=yes", "isCompany", "type"},
                {"isSupplier=1", "isSupplier", "type"}, {"modifiedFrom=yesterday", "modifiedFrom", "format"},
                {"createdFrom=2026-13-01", "createdFrom", "format"}, {"sortBy=name", "sortBy", "pattern"}};
        for (String[] refusal : refusals) {
            HttpResponse<String> r = get(token, "/customers?" + refusal[0]);
            assertApiError(r, 400, "ValidationError");
            JsonNode error = json(r).path("error").path("payload").path("validationErrors").get(0);
            assertThat(error.path("path").asText()).as(refusal[0]).isEqualTo(refusal[1]);
            assertThat(error.path("keyword").asText()).as(refusal[0]).isEqualTo(refusal[2]);
        }
        assertApiError(get(token, "/customers/ten"), 400, "ValidationError");
    }

    // ---- customers: filters ---------------------------------------------------------------------------

    @Test
    void modifiedFromKeepsWhatChangedAtOrAfterAndTheLinksKeepIt() throws Exception {
        String token = tokenA(FJORDBYGG);
        Instant from = Instant.parse("2026-03-01T00:00:00Z");
        List<Integer> sizes = new ArrayList<>();
        List<JsonNode> changed = readAll(token, "/customers?limit=10&modifiedFrom=2026-03-01T00:00:00Z", sizes);
        assertThat(sizes).containsExactly(10, 10, 4);
        assertThat(changed).allSatisfy(c -> assertThat(Timestamps.parseStored(c.path("modifiedAt").asText()))
                .isAfterOrEqualTo(from));
        assertThat(ids(changed)).isSorted().contains(10001L, 10005L, 10225L);
        HttpResponse<String> first = get(token, "/customers?limit=10&modifiedFrom=2026-03-01T00:00:00Z");
        assertThat(next(first)).isEqualTo(sim.apiUrl() + "/customers?limit=10&modifiedFrom=2026-03-01T00:00:00Z&page=2");
        long before = readAll(token, "/customers?limit=100", new ArrayList<>()).stream()
                .filter(c -> Timestamps.parseStored(c.path("modifiedAt").asText()).isBefore(from)).count();
        assertThat(before).isEqualTo(230 - 24);

        assertThat(ids(readAll(token, "/customers?modifiedFrom=2026-03-02T10:00:07Z", new ArrayList<>())))
                .as("greater or equal").containsExactly(10001L);
        assertThat(readAll(token, "/customers?modifiedFrom=2026-03-02T10:00:07.001Z", new ArrayList<>())).isEmpty();
        assertThat(readAll(token, "/customers?modifiedFrom=2026-03-01", new ArrayList<>())).hasSize(24);
        assertThat(readAll(token, "/customers?modifiedFrom=2026-03-01T01:00:00%2B01:00", new ArrayList<>())).hasSize(24);
        assertThat(readAll(token, "/customers?modifiedFrom=2026-03-01%2000:00:00.000Z", new ArrayList<>())).hasSize(24);
        assertThat(readAll(tokenA(HAVBRIS), "/customers?modifiedFrom=2026-03-01T00:00:00Z", new ArrayList<>()))
                .hasSize(4);
    }

    @Test
    void isCompanyIsSupplierAndOrganizationNumberFilter() throws Exception {
        String token = tokenA(FJORDBYGG);
        List<JsonNode> persons = readAll(token, "/customers?limit=100&isCompany=false", new ArrayList<>());
        List<JsonNode> companies = readAll(token, "/customers?limit=100&isCompany=true", new ArrayList<>());
        assertThat(persons).hasSize(46).allSatisfy(p -> {
            assertThat(p.path("isCompany").asBoolean()).isFalse();
            assertThat(p.has("organizationNumber")).isFalse();
            assertThat(p.path("name").asText()).isEqualTo(p.path("person").path("firstName").asText() + " "
                    + p.path("person").path("lastName").asText());
        });
        assertThat(companies).hasSize(184).allSatisfy(c -> assertThat(c.has("person")).isFalse());

        List<JsonNode> suppliers = readAll(token, "/customers?limit=100&isSupplier=true", new ArrayList<>());
        assertThat(suppliers).isNotEmpty().allSatisfy(s -> assertThat(s.path("isSupplier").asBoolean()).isTrue());
        assertThat(readAll(token, "/customers?limit=100&isSupplier=true&isCompany=false", new ArrayList<>())).isEmpty();

        String number = json(get(token, "/customers/10027")).path("organizationNumber").asText();
        assertThat(ids(readAll(token, "/customers?organizationNumber=" + number, new ArrayList<>())))
                .as("the company entered twice").containsExactlyElementsOf(SevenOfficeDataset.DUPLICATE_CUSTOMERS);
        assertThat(ids(readAll(token, "/customers?organizationNumber=912345674&isCompany=true", new ArrayList<>())))
                .containsExactly(10001L);
        assertThat(readAll(token, "/customers?organizationNumber=999999999", new ArrayList<>())).isEmpty();
    }

    @Test
    void sortByAndCreatedFromAsThePublicApiHasThem() throws Exception {
        String token = tokenA(HAVBRIS);
        List<String> names = readAll(token, "/customers?sortBy=name:asc", new ArrayList<>()).stream()
                .map(c -> c.path("name").asText()).toList();
        assertThat(names).hasSize(40).isSorted();
        List<Long> newestFirst = ids(readAll(token, "/customers?sortBy=id:desc&limit=7", new ArrayList<>()));
        assertThat(newestFirst).hasSize(40).startsWith(10040L, 10039L).endsWith(10001L);
        Instant from = Instant.parse("2024-01-01T00:00:00Z");
        assertThat(readAll(token, "/customers?createdFrom=2024-01-01T00:00:00Z", new ArrayList<>())).isNotEmpty()
                .allSatisfy(c -> assertThat(Timestamps.parseStored(c.path("createdAt").asText())).isAfterOrEqualTo(from));
    }

    // ---- one customer, the organization, /me -----------------------------------------------------------

    @Test
    void oneCustomerByIdIsTheListsOneAndTheExampleIsVerbatim() throws Exception {
        String token = tokenA(FJORDBYGG);
        HttpResponse<String> r = get(token, "/customers/10001");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r)).isEqualTo(JSON.readTree(EXAMPLE));
        assertThat(r.body()).contains("\"createdAt\":\"2025-11-03 08:00:00.000Z\"");
        assertThat(json(get(token, "/customers?limit=1")).get(0)).isEqualTo(json(r));

        HttpResponse<String> unknown = get(token, "/customers/99999");
        assertApiError(unknown, 404, "NotFoundError");
        assertThat(json(unknown).path("error").path("message").asText()).contains("99999");
        assertApiError(get(token, "/invoices"), 404, "NotFoundError");
        assertThat(sim.requests("GET", SevenOfficeSimulator.CUSTOMER)).isEqualTo(2);
    }

    @Test
    void organizationInformationNeedsItsScopeAndCustomersTheirs() throws Exception {
        String onlyInformation = token(CLIENT_C, SECRET_C, FJORDBYGG);
        HttpResponse<String> r = get(onlyInformation, "/organization/information");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode organization = json(r);
        assertThat(organization.path("id").isIntegralNumber()).isTrue();
        assertThat(organization.path("id").asLong()).isEqualTo(4711);
        assertThat(organization.path("name").asText()).isEqualTo("Fjordbygg AS");
        assertThat(OrganizationNumbers.isValid(organization.path("organizationNumber").asText())).isTrue();
        assertThat(organization.path("address").path("countryCode").asText()).isEqualTo("NO");
        assertThat(organization.path("status").asText()).isEqualTo("Active");
        assertThat(organization.path("settings").path("currencyCode").asText()).isEqualTo("NOK");

        for (String path : List.of("/customers", "/customers/10001")) {
            HttpResponse<String> refused = get(onlyInformation, path);
            assertApiError(refused, 403, "UnauthorizedError");
            assertThat(json(refused).path("error").path("message").asText()).contains("api.crm.customer:read");
        }
        assertThat(sim.counters().events(SevenOfficeSimulator.FORBIDDEN)).isEqualTo(2);
        assertThat(OrganizationNumbers.isValid(json(get(tokenA(HAVBRIS), "/organization/information"))
                .path("organizationNumber").asText())).isTrue();
    }

    @Test
    void meIsRefusedToClientCredentialsTokens() throws Exception {
        HttpResponse<String> me = get(tokenA(FJORDBYGG), "/me");
        assertApiError(me, 403, "UnauthorizedError");
        assertThat(json(me).path("error").path("message").asText()).contains("identityId");
        assertApiError(get(tokenA(FJORDBYGG), "/me/identifiers"), 403, "UnauthorizedError");
        assertApiError(get(null, "/me"), 401, "UnauthorizedError");
        assertThat(sim.requests("GET", SevenOfficeSimulator.ME)).isEqualTo(3);
    }

    // ---- tokens refused by the API, faults ------------------------------------------------------------

    @Test
    void aMissingUnknownOrExpiredTokenIs401() throws Exception {
        for (String path : List.of("/customers", "/customers/10001", "/organization/information")) {
            assertApiError(get(null, path), 401, "UnauthorizedError");
            assertApiError(get("forged", path), 401, "UnauthorizedError");
        }
        String token = tokenA(FJORDBYGG);
        clock.advance(Duration.ofSeconds(86_399));
        assertThat(get(token, "/customers").statusCode()).isEqualTo(200);
        clock.advance(Duration.ofSeconds(1));
        HttpResponse<String> expired = get(token, "/customers");
        assertApiError(expired, 401, "UnauthorizedError");
        assertThat(json(expired)).isEqualTo(JSON.readTree("{\"error\":{\"name\":\"UnauthorizedError\",\"message\":"
                + "\"Invalid or expired token\"},\"trackingId\":\"" + expired.headers().firstValue("X-Trace-Id")
                .orElseThrow() + "\"}"));

        String fresh = tokenA(FJORDBYGG);
        sim.faults().expireTokenAfter(2);
        assertThat(get(fresh, "/customers").statusCode()).isEqualTo(200);
        assertThat(get(fresh, "/customers/10001").statusCode()).isEqualTo(200);
        assertApiError(get(fresh, "/customers"), 401, "UnauthorizedError");
        assertThat(get(tokenA(FJORDBYGG), "/customers").statusCode()).as("a new token serves").isEqualTo(200);
        String another = tokenA(HAVBRIS);
        sim.expireAllTokens();
        assertThat(get(another, "/customers").statusCode()).isEqualTo(401);
        assertThat(sim.counters().events(SevenOfficeSimulator.UNAUTHORIZED)).isEqualTo(9);
    }

    @Test
    void everyNthCallIs429WithRetryAfterAsConfigured() throws Exception {
        sim.stop();
        sim = new SevenOfficeSimulator(SevenOfficeSimulatorProperties.defaults()
                .withTooManyRequestsEvery(3, Duration.ofSeconds(2)), clock).start();
        String token = tokenA(FJORDBYGG);
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = get(token, i % 2 == 0 ? "/customers" : "/organization/information");
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                throttled = r;
            }
        }
        assertThat(statuses).containsExactly(200, 200, 429, 200, 200, 429);
        assertApiError(throttled, 429, "TooManyRequestsError");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(sim.counters().events(SevenOfficeSimulator.TOO_MANY_REQUESTS)).isEqualTo(2);
        assertThat(tokenRequest(FORM, form(CLIENT_A, SECRET_A, FJORDBYGG)).statusCode())
                .as("the login host is not throttled").isEqualTo(200);

        sim.reset();
        assertThat(sim.counters().totalRequests()).isZero();
        assertThat(List.of(get(token, "/customers").statusCode(), get(token, "/customers").statusCode(),
                get(token, "/customers").statusCode())).as("reset keeps the configured rate").containsExactly(200, 200, 429);
        sim.faults().reset();
        sim.faults().tooManyRequestsNext(1, Duration.ofMillis(1500));
        HttpResponse<String> once = get(token, "/customers");
        assertThat(once.statusCode()).isEqualTo(429);
        assertThat(once.headers().firstValue("Retry-After")).as("whole seconds, rounded up").hasValue("2");
        assertThat(get(token, "/customers").statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswerHasATraceId() throws Exception {
        String token = tokenA(FJORDBYGG);
        HttpRequest post = HttpRequest.newBuilder(URI.create(sim.apiUrl() + "/customers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ny kunde AS\",\"isCompany\":true}")).build();
        List<HttpResponse<String>> answers = List.of(
                tokenRequest(FORM, form(CLIENT_A, SECRET_A, FJORDBYGG)),
                tokenRequest(FORM, form(CLIENT_A, "guess", FJORDBYGG)),
                get(token, "/customers"), get(token, "/customers/10001"), get(token, "/organization/information"),
                get(token, "/customers?limit=101"), get(token, "/customers/99999"), get(null, "/customers"),
                get(token, "/me"), get(token, "/nothing-here"), http.send(post, HttpResponse.BodyHandlers.ofString()));
        Set<String> traceIds = new HashSet<>();
        for (HttpResponse<String> r : answers) {
            String traceId = r.headers().firstValue("X-Trace-Id").orElse(null);
            assertThat(traceId).as(r.uri() + " " + r.statusCode()).matches("[0-9a-f]{32}");
            traceIds.add(traceId);
        }
        assertThat(traceIds).hasSize(answers.size());
        assertThat(answers.get(answers.size() - 1).statusCode()).isEqualTo(405);
        assertThat(answers.get(answers.size() - 1).headers().firstValue("Allow")).hasValue("GET");
    }

    @Test
    void aSlowAnswerComesAfterItsDelay() throws Exception {
        String token = tokenA(FJORDBYGG);
        sim.faults().delayNext(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(get(token, "/customers").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    // ---- the data -------------------------------------------------------------------------------------

    @Test
    void customersAreNorwegianCompaniesAndPersonsWithTheTrapsDocumented() throws Exception {
        for (long organization : List.of(FJORDBYGG, HAVBRIS)) {
            List<JsonNode> all = readAll(tokenA(organization), "/customers?limit=100", new ArrayList<>());
            Set<String> trailing = new HashSet<>();
            for (JsonNode c : all) {
                List<String> fields = StreamSupport.stream(
                        ((Iterable<String>) c::fieldNames).spliterator(), false).toList();
                if (c.path("isCompany").asBoolean()) {
                    assertThat(fields).containsExactly("id", "name", "isCompany", "isSupplier", "organizationNumber",
                            "address", "email", "phone", "createdAt", "modifiedAt");
                    String number = c.path("organizationNumber").asText(null);
                    long id = c.path("id").asLong();
                    if (organization == FJORDBYGG && SevenOfficeDataset.COMPANIES_WITHOUT_NUMBER.contains(id)) {
                        assertThat(c.path("organizationNumber").isNull()).isTrue();
                    } else if (organization == FJORDBYGG && id == SevenOfficeDataset.EXAMPLE_CUSTOMER) {
                        assertThat(OrganizationNumbers.isValid(number)).isFalse();
                    } else {
                        assertThat(OrganizationNumbers.isValid(number)).as(c.toString()).isTrue();
                    }
                } else {
                    assertThat(fields).containsExactly("id", "name", "person", "isCompany", "isSupplier", "address",
                            "email", "phone", "createdAt", "modifiedAt");
                    assertThat(c.path("isSupplier").asBoolean()).isFalse();
                    assertThat(c.path("email").path("billing").isNull()).isTrue();
                }
                assertThat(c.path("id").asLong() % 10 == 4 || c.path("id").asLong() % 10 == 9)
                        .isEqualTo(!c.path("isCompany").asBoolean());
                assertThat(c.path("address").path("visit").path("countryCode").asText()).isEqualTo("NO");
                assertThat(c.path("createdAt").asText()).matches(STAMP);
                assertThat(c.path("modifiedAt").asText()).matches(STAMP);
                assertThat(Timestamps.parseStored(c.path("createdAt").asText()))
                        .isBeforeOrEqualTo(Timestamps.parseStored(c.path("modifiedAt").asText()));
                if (c.path("name").asText().endsWith(" ")) {
                    trailing.add(c.path("id").asText());
                }
            }
            assertThat(trailing).containsExactlyInAnyOrderElementsOf(SevenOfficeDataset.TRAILING_BLANK_NAMES
                    .get(organization).stream().map(String::valueOf).toList());
            String names = all.stream().map(c -> c.path("name").asText()).reduce("", String::concat);
            assertThat(names).contains("æ", "ø", "å");
            assertThat(all.stream().filter(c -> c.path("isSupplier").asBoolean()).count()).isPositive();
        }
        JsonNode first = json(get(tokenA(FJORDBYGG), "/customers/10027"));
        JsonNode twice = json(get(tokenA(FJORDBYGG), "/customers/10150"));
        assertThat(twice.path("name").asText()).isEqualTo(first.path("name").asText() + " ");
        assertThat(twice.path("organizationNumber")).isEqualTo(first.path("organizationNumber"));
        assertThat(sim.dataset().counts()).containsExactly(java.util.Map.entry(4711L, 230), java.util.Map.entry(4712L, 40));
    }

    @Test
    void aModifiedCustomerIsStampedAndFoundByModifiedFrom() throws Exception {
        String token = tokenA(FJORDBYGG);
        Instant stamped = sim.dataset().modify(FJORDBYGG, 10100, "name", "Ny Æra Bygg AS");
        assertThat(stamped).isEqualTo(Instant.parse("2026-03-05T16:02:11Z"));
        JsonNode changed = json(get(token, "/customers/10100"));
        assertThat(changed.path("name").asText()).isEqualTo("Ny Æra Bygg AS");
        assertThat(changed.path("modifiedAt").asText()).isEqualTo("2026-03-05 16:02:11.000Z");
        assertThat(ids(readAll(token, "/customers?modifiedFrom=2026-03-05T00:00:00Z", new ArrayList<>())))
                .containsExactly(10100L);

        Instant second = sim.dataset().modify(FJORDBYGG, 10004, "person.lastName", "Ødegård");
        assertThat(second).as("stamps never repeat").isAfter(stamped);
        JsonNode person = json(get(token, "/customers/10004"));
        assertThat(person.path("name").asText()).endsWith(" Ødegård");
        assertThat(person.path("modifiedAt").asText()).isEqualTo("2026-03-05 16:02:11.001Z");
        sim.dataset().modify(FJORDBYGG, 10100, "isSupplier", "true");
        sim.dataset().modify(FJORDBYGG, 10100, "email.billing", null);
        JsonNode again = json(get(token, "/customers/10100"));
        assertThat(again.path("isSupplier").asBoolean()).isTrue();
        assertThat(again.path("email").path("billing").isNull()).isTrue();
        assertThat(json(get(tokenA(HAVBRIS), "/customers/10100")).path("modifiedAt").asText())
                .as("the other organization's 10100 is another customer").isNotEqualTo(again.path("modifiedAt").asText());

        assertThatThrownBy(() -> sim.dataset().modify(FJORDBYGG, 10100, "modifiedAt", "2020-01-01 00:00:00.000Z"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.dataset().modify(FJORDBYGG, 10100, "isSupplier", "yes"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> sim.dataset().modify(HAVBRIS, 10100, "name", "x"))
                .isInstanceOf(IllegalArgumentException.class);

        sim.dataset().reset();
        assertThat(json(get(token, "/customers/10100")).path("name").asText()).isNotEqualTo("Ny Æra Bygg AS");
        assertThat(readAll(token, "/customers?modifiedFrom=2026-03-05T00:00:00Z", new ArrayList<>())).isEmpty();
        assertThat(sim.dataset().modify(FJORDBYGG, 10100, "phone", "+47-55000000")).as("after every earlier stamp")
                .isAfter(second);
    }

    @Test
    void aClientConnectedToAnOrganizationTheSandboxDoesNotHoldIsRefusedAtStart() {
        assertThatThrownBy(() -> new SevenOfficeSimulator(SevenOfficeSimulatorProperties.defaults().withClients(List.of(
                new SevenOfficeSimulatorProperties.Client("x", "y", List.of(4713L), null)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4713");
    }
}
