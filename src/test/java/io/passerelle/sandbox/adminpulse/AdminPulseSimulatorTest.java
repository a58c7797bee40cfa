package io.passerelle.sandbox.adminpulse;

import static io.passerelle.sandbox.adminpulse.AdminPulseDataset.relationId;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.sandbox.kit.MovableClock;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AdminPulseSimulatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = AdminPulseSimulatorProperties.DEMO_API_TOKEN;
    private static final String NO_SCOPE_KEY = AdminPulseSimulatorProperties.DEMO_NO_SCOPE_TOKEN;
    private static final int RELATIONS = 430;
    private static final int COMPANIES = 124;

    private final MovableClock clock = new MovableClock(Instant.parse("2026-03-05T16:02:11Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private AdminPulseSimulator sim;

    @BeforeEach
    void start() {
        sim = new AdminPulseSimulator(AdminPulseSimulatorProperties.defaults(), clock).start();
    }

    @AfterEach
    void stop() {
        sim.stop();
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private HttpResponse<String> get(String key, String pathAndQuery) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(sim.url() + pathAndQuery)).GET();
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** Pages through {@code /relations} as a client does, up to {@code pageCount}; answers every relation seen. */
    private List<JsonNode> readAll(int pageSize) throws Exception {
        List<JsonNode> all = new ArrayList<>();
        int pageCount = 1;
        for (int page = 0; page < pageCount; page++) {
            HttpResponse<String> r = get(KEY, "/relations?page=" + page + "&pageSize=" + pageSize);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            JsonNode body = json(r);
            pageCount = body.path("pageCount").asInt();
            body.path("results").forEach(all::add);
        }
        return all;
    }

    private Map<String, JsonNode> byUniqueIdentifier() throws Exception {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        readAll(400).forEach(r -> out.put(r.path("uniqueIdentifier").asText(), r));
        return out;
    }

    private static List<JsonNode> links(JsonNode company, String role) {
        return StreamSupport.stream(company.path("linkedRelations").spliterator(), false)
                .filter(l -> l.path("role").asText().equals(role)).toList();
    }

    private static void assertProblem(HttpResponse<String> r, int status, String title) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(r);
        assertThat(body.path("type").asText()).isEqualTo("about:blank");
        assertThat(body.path("title").asText()).isEqualTo(title);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception");
    }

    /** As a connector compares names: NFC, no-break spaces and runs of blanks as one, case folded. */
    private static String folded(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).replace('\u00a0', ' ').trim().replaceAll("\\s+", " ")
                .toLowerCase(Locale.ROOT);
    }

    // ---- paging ---------------------------------------------------------------------------------------

    @Test
    void pagesOfTwentyByDefaultWalkEveryRelationOnceInIdOrder() throws Exception {
        HttpResponse<String> first = get(KEY, "/relations");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode page = json(first);
        assertThat(page.path("results")).hasSize(20);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("pageSize").asInt()).isEqualTo(20);
        assertThat(page.path("totalCount").asInt()).isEqualTo(RELATIONS);
        assertThat(page.path("pageCount").asInt()).isEqualTo(22);

        List<String> ids = readAll(20).stream().map(r -> r.path("id").asText()).toList();
        assertThat(ids).hasSize(RELATIONS).doesNotHaveDuplicates().isSorted();
        assertThat(readAll(400).stream().map(r -> r.path("id").asText()).toList()).isEqualTo(ids);
        assertThat(readAll(7).stream().map(r -> r.path("id").asText()).toList()).isEqualTo(ids);
        assertThat(sim.requests("GET", AdminPulseSimulator.RELATIONS)).isEqualTo(1 + 22 + 2 + 62);
    }

    @Test
    void fourHundredIsTheLargestPageAndMoreIsRefusedNamingPageSize() throws Exception {
        JsonNode full = json(get(KEY, "/relations?page=0&pageSize=400"));
        assertThat(full.path("results")).hasSize(400);
        assertThat(full.path("pageCount").asInt()).isEqualTo(2);
        assertThat(json(get(KEY, "/relations?page=1&pageSize=400")).path("results")).hasSize(RELATIONS - 400);

        HttpResponse<String> tooBig = get(KEY, "/relations?page=0&pageSize=401");
        assertProblem(tooBig, 400, "Bad Request");
        assertThat(json(tooBig).path("detail").asText()).contains("pageSize").contains("401");
        assertProblem(get(KEY, "/relations?pageSize=0"), 400, "Bad Request");
        HttpResponse<String> negative = get(KEY, "/relations?page=-1");
        assertProblem(negative, 400, "Bad Request");
        assertThat(json(negative).path("detail").asText()).contains("page");
        assertProblem(get(KEY, "/relations?page=first"), 400, "Bad Request");
    }

    @Test
    void aPagePastTheEndHasNoResults() throws Exception {
        JsonNode past = json(get(KEY, "/relations?page=22&pageSize=20"));
        assertThat(past.path("results").isArray()).isTrue();
        assertThat(past.path("results")).isEmpty();
        assertThat(past.path("page").asInt()).isEqualTo(22);
        assertThat(past.path("totalCount").asInt()).isEqualTo(RELATIONS);
        assertThat(json(get(KEY, "/relations?page=9999&pageSize=400")).path("results")).isEmpty();
    }

    @Test
    void vatNumberFiltersOnTheDigits() throws Exception {
        JsonNode one = json(get(KEY, "/relations?vatNumber=0712345678"));
        assertThat(one.path("results")).hasSize(1);
        assertThat(one.path("results").get(0).path("uniqueIdentifier").asText()).isEqualTo("APR00017");
        assertThat(one.path("totalCount").asInt()).isEqualTo(1);
        assertThat(one.path("pageCount").asInt()).isEqualTo(1);

        String written = URLEncoder.encode("BE 0712.345.678", StandardCharsets.UTF_8);
        JsonNode formatted = json(get(KEY, "/relations?vatNumber=" + written)).path("results");
        assertThat(formatted).hasSize(1);
        assertThat(formatted.get(0).path("uniqueIdentifier").asText()).isEqualTo("APR00017");
        JsonNode none = json(get(KEY, "/relations?vatNumber=0999999999&page=0&pageSize=400"));
        assertThat(none.path("results")).isEmpty();
        assertThat(none.path("totalCount").asInt()).isZero();
        assertThat(none.path("pageCount").asInt()).isZero();
        assertThat(json(get(KEY, "/relations?vatNumber=712345678")).path("results"))
                .as("the digits as sent, no leading zero added").isEmpty();
        assertThat(json(get(KEY, "/relations?vatNumber=")).path("totalCount").asInt()).isEqualTo(RELATIONS);
    }

    // ---- one relation ---------------------------------------------------------------------------------

    @Test
    void oneRelationByIdIsTheListsOneAndAnUnknownIdIs404() throws Exception {
        String id = relationId("APR00017");
        HttpResponse<String> r = get(KEY, "/relations/" + id);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode company = json(r);
        JsonNode listed = json(get(KEY, "/relations?vatNumber=0712345678")).path("results").get(0);
        assertThat(company).isEqualTo(listed);
        assertThat(company).isEqualTo(JSON.readTree(EXAMPLE_COMPANY));
        assertThat(sim.requests("GET", AdminPulseSimulator.RELATION)).isEqualTo(1);

        HttpResponse<String> unknown = get(KEY, "/relations/" + relationId("APR09999"));
        assertProblem(unknown, 404, "Not Found");
        assertThat(json(unknown).path("detail").asText()).contains(relationId("APR09999"));
        assertProblem(get(KEY, "/relations/not-an-id"), 404, "Not Found");
        assertProblem(get(KEY, "/companies"), 404, "Not Found");
    }

    @Test
    void onlyGetIsServed() throws Exception {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(URI.create(sim.url() + "/relations"))
                .header("Authorization", "Bearer " + KEY).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertProblem(post, 405, "Method Not Allowed");
        assertThat(post.headers().firstValue("Allow")).hasValue("GET");
    }

    // ---- keys -----------------------------------------------------------------------------------------

    @Test
    void aMissingOrUnknownKeyIs401AndTheKeyWithoutTheScopeIs403() throws Exception {
        String one = "/relations/" + relationId("APR00017");
        for (String path : List.of("/relations", one)) {
            HttpResponse<String> missing = get(null, path);
            assertProblem(missing, 401, "Unauthorized");
            assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertProblem(get("forged-key", path), 401, "Unauthorized");
            assertProblem(get("", path), 401, "Unauthorized");

            HttpResponse<String> noScope = get(NO_SCOPE_KEY, path);
            assertProblem(noScope, 403, "Forbidden");
            assertThat(json(noScope).path("detail").asText()).contains("Read relations");
            assertThat(json(noScope).fieldNames()).toIterable().containsExactly("type", "title", "status", "detail");
        }
        assertThat(sim.counters().events(AdminPulseSimulator.UNAUTHORIZED)).isEqualTo(6);
        assertThat(sim.counters().events(AdminPulseSimulator.FORBIDDEN)).isEqualTo(2);
        assertThat(get(KEY.toUpperCase(Locale.ROOT), "/relations").statusCode()).as("keys compare exactly")
                .isEqualTo(401);
    }

    @Test
    void anExpiredKeyIs401FromThenOnUntilReset() throws Exception {
        sim.faults().expireTokenAfter(2);
        assertThat(get(KEY, "/relations").statusCode()).isEqualTo(200);
        assertThat(get(KEY, "/relations").statusCode()).isEqualTo(200);
        HttpResponse<String> expired = get(KEY, "/relations");
        assertProblem(expired, 401, "Unauthorized");
        assertThat(json(expired).path("detail").asText()).contains("expired");
        assertThat(get(KEY, "/relations").statusCode()).isEqualTo(401);
        sim.reset();
        assertThat(get(KEY, "/relations").statusCode()).isEqualTo(200);
        sim.expireApiKey();
        assertThat(get(KEY, "/relations").statusCode()).isEqualTo(401);
    }

    // ---- rate -----------------------------------------------------------------------------------------

    @Test
    void everyNthCallIs429WithRetryAfterAsConfigured() throws Exception {
        sim.stop();
        sim = new AdminPulseSimulator(AdminPulseSimulatorProperties.defaults()
                .withTooManyRequestsEvery(3, Duration.ofSeconds(2)), clock).start();
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> throttled = null;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = get(KEY, i % 2 == 0 ? "/relations" : "/relations/" + relationId("APR00001"));
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                throttled = r;
            }
        }
        assertThat(statuses).containsExactly(200, 200, 429, 200, 200, 429);
        assertProblem(throttled, 429, "Too Many Requests");
        assertThat(throttled.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(sim.counters().events(AdminPulseSimulator.TOO_MANY_REQUESTS)).isEqualTo(2);

        sim.reset();
        assertThat(sim.counters().totalRequests()).isZero();
        assertThat(List.of(get(KEY, "/relations").statusCode(), get(KEY, "/relations").statusCode(),
                get(KEY, "/relations").statusCode())).as("reset keeps the configured rate").containsExactly(200, 200, 429);
        sim.faults().reset();
        for (int i = 0; i < 4; i++) {
            assertThat(get(KEY, "/relations").statusCode()).isEqualTo(200);
        }
        sim.faults().tooManyRequestsNext(1, Duration.ofMillis(1500));
        HttpResponse<String> once = get(KEY, "/relations");
        assertThat(once.statusCode()).isEqualTo(429);
        assertThat(once.headers().firstValue("Retry-After")).as("whole seconds, rounded up").hasValue("2");
    }

    // ---- the data -------------------------------------------------------------------------------------

    @Test
    void everyCompanyNumberIsAValidEnterpriseNumberExceptTheTrap() throws Exception {
        List<JsonNode> companies = readAll(400).stream()
                .filter(r -> r.path("type").asText().equals(AdminPulseDataset.COMPANY)).toList();
        assertThat(companies).hasSize(COMPANIES);
        Set<String> invalid = new HashSet<>();
        Set<String> numbers = new HashSet<>();
        for (JsonNode c : companies) {
            String number = c.path("vatNumber").asText();
            assertThat(number).matches("[01]\\d{9}");
            assertThat(numbers.add(number)).as("unique: " + number).isTrue();
            if (!EnterpriseNumbers.isValid(number)) {
                invalid.add(c.path("uniqueIdentifier").asText());
            }
        }
        assertThat(invalid).containsExactly(AdminPulseDataset.INVALID_ENTERPRISE_NUMBER);
    }

    @Test
    void companiesAreBelgianWithTheirBoardsAndEveryLinkedRelationIsARelation() throws Exception {
        Map<String, JsonNode> all = byUniqueIdentifier();
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        all.values().forEach(r -> byId.put(r.path("id").asText(), r));
        int companies = 0;
        int persons = 0;
        int endedMandates = 0;
        for (JsonNode r : all.values()) {
            assertThat(r.path("uniqueIdentifier").asText()).matches("APR\\d{5}");
            assertThat(r.path("lastModified").asText()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
            assertThat(r.path("language").asText()).isIn("nl", "fr");
            assertThat(r.path("address").path("country").asText()).isEqualTo("BE");
            if (r.path("type").asText().equals(AdminPulseDataset.PERSON)) {
                persons++;
                assertThat(r.path("firstName").asText()).isNotBlank();
                assertThat(r.path("lastName").asText()).isNotBlank();
                assertThat(r.path("vatNumber").isNull()).isTrue();
                assertThat(r.path("linkedRelations")).as("only companies have linked relations").isEmpty();
                continue;
            }
            companies++;
            assertThat(r.path("type").asText()).isEqualTo(AdminPulseDataset.COMPANY);
            assertThat(r.path("companyName").asText()).endsWith(r.path("legalForm").asText());
            assertThat(r.path("legalForm").asText()).isIn("BV", "NV", "CommV", "CV", "SRL", "SA", "SComm", "SC");
            assertThat(links(r, AdminPulseDataset.AUDITOR)).hasSizeLessThanOrEqualTo(1);
            for (JsonNode link : r.path("linkedRelations")) {
                assertThat(link.path("role").asText()).isIn("director", "shareholder", "auditor", "contactPerson");
                JsonNode linked = byId.get(link.path("relationId").asText());
                assertThat(linked).as("linked relation %s listed", link).isNotNull();
                assertThat(link.path("name").asText()).isEqualTo(linked.path("name").asText());
                assertThat(link.path("type").asText()).isEqualTo(linked.path("type").asText());
                assertThat(link.path("uniqueIdentifier").asText()).isEqualTo(linked.path("uniqueIdentifier").asText());
                boolean shareholder = link.path("role").asText().equals("shareholder");
                assertThat(link.path("sharePercentage").isNull()).isEqualTo(!shareholder);
                if (shareholder) {
                    assertThat(link.path("sharePercentage").decimalValue()).isBetween(BigDecimal.ZERO,
                            BigDecimal.valueOf(100));
                    assertThat(link.path("shares").asInt()).isPositive();
                }
                if (link.path("role").asText().equals("auditor")) {
                    assertThat(linked.path("type").asText()).isEqualTo("company");
                    assertThat(linked.path("name").asText()).matches(".*(Bedrijfsrevisoren BV|Entreprises SRL)");
                }
                if (link.path("role").asText().equals("director")) {
                    assertThat(link.path("startDate").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
                    if (!link.path("endDate").isNull()) {
                        endedMandates++;
                        assertThat(LocalDate.parse(link.path("endDate").asText())).isBefore(LocalDate.of(2026, 3, 1));
                    }
                }
            }
            if (!r.path("uniqueIdentifier").asText().matches("APR0012[1-4]")) {
                assertThat(links(r, AdminPulseDataset.DIRECTOR)).as("client %s has a board", r).isNotEmpty();
                assertThat(links(r, AdminPulseDataset.CONTACT_PERSON)).hasSize(1);
            }
        }
        assertThat(companies).isEqualTo(COMPANIES);
        assertThat(persons).isEqualTo(RELATIONS - COMPANIES);
        assertThat(endedMandates).isGreaterThanOrEqualTo(5);
        assertThat(sim.dataset().counts()).containsEntry("company", COMPANIES).containsEntry("person", persons);
    }

    @Test
    void theTrapsAreThere() throws Exception {
        Map<String, JsonNode> all = byUniqueIdentifier();

        // the same person twice: two ids, names equal once spacing and case are folded
        for (List<String> pair : AdminPulseDataset.DUPLICATE_PERSONS) {
            JsonNode a = all.get(pair.get(0));
            JsonNode b = all.get(pair.get(1));
            assertThat(a.path("id").asText()).isNotEqualTo(b.path("id").asText());
            assertThat(a.path("name").asText()).isNotEqualTo(b.path("name").asText());
            assertThat(folded(a.path("name").asText())).isEqualTo(folded(b.path("name").asText()));
        }
        assertThat(all.values().stream().filter(r -> r.path("type").asText().equals("person"))
                .map(r -> folded(r.path("name").asText())).distinct().count())
                .as("no other namesakes").isEqualTo(RELATIONS - COMPANIES - 3);
        JsonNode slagerij = all.get("APR00023");
        assertThat(links(slagerij, "director")).extracting(l -> l.path("name").asText()).containsExactly("jan  peeters");
        assertThat(links(slagerij, "shareholder")).extracting(l -> l.path("relationId").asText())
                .containsExactly(relationId("APR00301"));
        assertThat(links(all.get("APR00031"), "director")).extracting(l -> l.path("relationId").asText())
                .containsExactly(relationId("APR00305"), relationId("APR00306"));
        assertThat(links(all.get("APR00052"), "director").get(0).path("name").asText())
                .isEqualTo("Luc Van\u00a0den Broeck");

        // a management company as director, with its permanent representative
        for (String uid : AdminPulseDataset.MANAGEMENT_COMPANY_DIRECTED) {
            JsonNode director = links(all.get(uid), "director").get(0);
            assertThat(director.path("type").asText()).isEqualTo("company");
            JsonNode management = all.get(director.path("uniqueIdentifier").asText());
            assertThat(EnterpriseNumbers.isValid(management.path("vatNumber").asText())).isTrue();
            JsonNode representative = director.path("permanentRepresentative");
            JsonNode person = all.values().stream()
                    .filter(r -> r.path("id").asText().equals(representative.path("relationId").asText()))
                    .findFirst().orElseThrow();
            assertThat(person.path("type").asText()).isEqualTo("person");
            assertThat(representative.path("name").asText()).isEqualTo(person.path("name").asText());
            assertThat(links(management, "director").get(0).path("relationId").asText())
                    .isEqualTo(person.path("id").asText());
        }
        assertThat(all.values().stream().flatMap(r -> links(r, "director").stream())
                .filter(l -> !l.path("permanentRepresentative").isNull()).count()).isEqualTo(3);

        // general assembly dates, missing in three
        for (JsonNode r : all.values()) {
            if (!r.path("type").asText().equals("company")) {
                continue;
            }
            String uid = r.path("uniqueIdentifier").asText();
            if (AdminPulseDataset.MISSING_GENERAL_ASSEMBLY_DATE.contains(uid)) {
                assertThat(r.path("generalAssemblyDate").isNull()).isTrue();
            } else {
                assertThat(r.path("generalAssemblyDate").asText()).as(uid).matches("2026-\\d{2}-\\d{2}T00:00:00");
            }
        }

        // shareholders add up to 100 but in two
        for (JsonNode r : all.values()) {
            List<JsonNode> holders = links(r, "shareholder");
            if (holders.isEmpty()) {
                continue;
            }
            BigDecimal sum = holders.stream().map(l -> l.path("sharePercentage").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            String uid = r.path("uniqueIdentifier").asText();
            assertThat(sum.compareTo(BigDecimal.valueOf(100)) != 0).as(uid + " sums to " + sum)
                    .isEqualTo(AdminPulseDataset.SHARES_NOT_100.contains(uid));
        }

        // text as stored: accents, a no-break space
        String names = all.values().stream().map(r -> r.path("name").asText()).reduce("", String::concat);
        assertThat(names).contains("é", "è", "ë", "ü");
        assertThat(all.get(AdminPulseDataset.NBSP_COMPANY_NAME).path("companyName").asText()).contains("\u00a0");
    }

    // ---- hooks ----------------------------------------------------------------------------------------

    @Test
    void aBoardChangeShowsOnTheNextRead() throws Exception {
        String companyId = relationId("APR00003");
        JsonNode before = json(get(KEY, "/relations/" + companyId));
        List<JsonNode> directors = links(before, "director");
        assertThat(directors).hasSize(2);
        String leaving = directors.get(1).path("relationId").asText();

        clock.advance(Duration.ofHours(1));
        Instant removed = sim.dataset().removeDirector(companyId, leaving);
        JsonNode newcomer = sim.dataset().addDirector(companyId, "Zoë", "Crèvecœur", LocalDate.of(2026, 3, 5));

        JsonNode after = json(get(KEY, "/relations/" + companyId));
        assertThat(links(after, "director")).extracting(l -> l.path("relationId").asText())
                .containsExactly(directors.get(0).path("relationId").asText(), newcomer.path("id").asText());
        JsonNode added = links(after, "director").get(1);
        assertThat(added.path("name").asText()).isEqualTo("Zoë Crèvecœur");
        assertThat(added.path("startDate").asText()).isEqualTo("2026-03-05");
        assertThat(added.path("endDate").isNull()).isTrue();
        assertThat(links(after, "shareholder")).as("the leaver keeps the shares").extracting(
                l -> l.path("relationId").asText()).contains(leaving);
        assertThat(Instant.parse(after.path("lastModified").asText())).isAfter(removed)
                .isAfter(Instant.parse(before.path("lastModified").asText()));
        assertThat(removed).isEqualTo(Instant.parse("2026-03-05T17:02:11Z"));

        JsonNode person = json(get(KEY, "/relations/" + newcomer.path("id").asText()));
        assertThat(person.path("type").asText()).isEqualTo("person");
        assertThat(person.path("uniqueIdentifier").asText()).isEqualTo(newcomer.path("uniqueIdentifier").asText());
        assertThat(json(get(KEY, "/relations")).path("totalCount").asInt()).isEqualTo(RELATIONS + 1);
        assertThat(get(KEY, "/relations/" + leaving).statusCode()).as("the person stays a relation").isEqualTo(200);

        sim.dataset().addDirector(companyId, leaving, LocalDate.of(2026, 3, 6));
        assertThat(links(json(get(KEY, "/relations/" + companyId)), "director")).hasSize(3);

        sim.dataset().reset();
        assertThat(json(get(KEY, "/relations/" + companyId)).path("linkedRelations")).isEqualTo(
                before.path("linkedRelations"));
        assertThat(json(get(KEY, "/relations")).path("totalCount").asInt()).isEqualTo(RELATIONS);
    }

    @Test
    void aRenamedPersonIsRenamedInEveryCompanyItIsLinkedTo() throws Exception {
        sim.dataset().modify(relationId("APR00301"), "name", "Jan Peeters-Maes");
        JsonNode example = json(get(KEY, "/relations/" + relationId("APR00017")));
        assertThat(links(example, "director").get(0).path("name").asText()).isEqualTo("Jan Peeters-Maes");
        assertThat(links(json(get(KEY, "/relations/" + relationId("APR00023"))), "shareholder").get(0)
                .path("name").asText()).isEqualTo("Jan Peeters-Maes");
        sim.dataset().modify(relationId("APR00017"), "generalAssemblyDate", null);
        assertThat(json(get(KEY, "/relations/" + relationId("APR00017"))).path("generalAssemblyDate").isNull())
                .isTrue();
    }

    @Test
    void aSlowAnswerComesAfterItsDelay() throws Exception {
        sim.faults().delayNext(Duration.ofMillis(300));
        long started = System.nanoTime();
        assertThat(get(KEY, "/relations").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    /** next-erps.md §2's example company, as the simulator serves it. */
    private static final String EXAMPLE_COMPANY = """
            {"id":"8d238b4a-14fc-3df8-a032-1dceebac9e5b","uniqueIdentifier":"APR00017","type":"company",
             "name":"Bakkerij Janssens","firstName":null,"lastName":null,"companyName":"Bakkerij Janssens BV",
             "legalForm":"BV","vatNumber":"0712345678","language":"nl",
             "address":{"street":"Kerkstraat","houseNumber":"12","box":"B","postalCode":"9000","city":"Gent",
                        "country":"BE"},
             "generalAssemblyDate":"2026-06-09T00:00:00","lastModified":"2026-03-02T10:15:00Z",
             "linkedRelations":[
              {"role":"director","relationId":"59374879-caf6-3029-89a8-85ecd0d9a06c","uniqueIdentifier":"APR00301",
               "type":"person","name":"Jan Peeters","firstName":"Jan","lastName":"Peeters","startDate":"2021-06-08",
               "endDate":null,"sharePercentage":null,"shares":null,"permanentRepresentative":null},
              {"role":"shareholder","relationId":"59374879-caf6-3029-89a8-85ecd0d9a06c","uniqueIdentifier":"APR00301",
               "type":"person","name":"Jan Peeters","firstName":"Jan","lastName":"Peeters","startDate":"2021-06-08",
               "endDate":null,"sharePercentage":60.0,"shares":600,"permanentRepresentative":null},
              {"role":"shareholder","relationId":"b51be4f4-041b-390c-b0a1-8da18624b586","uniqueIdentifier":"APR00303",
               "type":"person","name":"Hanne Janssens","firstName":"Hanne","lastName":"Janssens",
               "startDate":"2021-06-08","endDate":null,"sharePercentage":40.0,"shares":400,
               "permanentRepresentative":null},
              {"role":"auditor","relationId":"43c2e2c8-a8a3-31df-bbdd-1fd54a67400f","uniqueIdentifier":"APR00121",
               "type":"company","name":"Van Dijck & Co Bedrijfsrevisoren BV","firstName":null,"lastName":null,
               "startDate":"2024-06-11","endDate":null,"sharePercentage":null,"shares":null,
               "permanentRepresentative":null},
              {"role":"contactPerson","relationId":"dcef1b89-e3df-3873-ae2c-b7fe2085cc80","uniqueIdentifier":"APR00304",
               "type":"person","name":"Sofie Maes","firstName":"Sofie","lastName":"Maes","startDate":null,
               "endDate":null,"sharePercentage":null,"shares":null,"permanentRepresentative":null}]}
            """;
}
