package io.passerelle.company;

import static io.passerelle.company.CompanyRecords.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport;
import io.passerelle.api.ApiTestSupport.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Platform companies and their relations through the API, written by the real launcher, sync engine and
 * {@link CompanyWriter} from an accounting office's test ERP ({@link OfficeTestErp}): one company per real company
 * whichever connection brings it and however it spells the number, relations that follow the ERP (ended, removed,
 * never doubled), manual ones that no import touches, the checks, the selection of companies to import, and one import
 * of a company at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=test-viewer",
        "passerelle.security.tokens[1].role=VIEWER",
        "passerelle.security.tokens[1].sha256=04afacc947b28c94e15578a9db68c1d1bf775b3ff82bc88e31d4465f26bc0b42",
})
@ActiveProfiles("test")
@Import(CompanyApiTest.TestErp.class)
class CompanyApiTest {

    private static final String ADMIN = ApiTestSupport.ADMIN;
    private static final String VIEWER = ApiTestSupport.VIEWER;
    private static final Path ROUTES = routesWithTheOfficeErpsFile();
    /** Each test's connections, companies and numbers are its own: the tests share one database. */
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @TestConfiguration(proxyBeanMethods = false)
    static class TestErp {
        @Bean
        OfficeTestErp officeTestErp() {
            return new OfficeTestErp();
        }
    }

    @DynamicPropertySource
    static void routesFolder(DynamicPropertyRegistry registry) {
        registry.add("passerelle.routes.dir", ROUTES::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    OfficeTestErp erp;

    @Test
    void aCompanyIsStoredOnceWhicheverConnectionsBringItAndHoweverTheySpellItsNumber() {
        int n = SEQUENCE.incrementAndGet();
        String key = validNumber(n);
        String alice = connection("alice", n);
        String bob = connection("bob", n);
        String name = "Bakkerij Janssens " + n;
        erp.serve(alice, company("a-1").number(dotted(key)).name(name).legalForm("BV")
                        .address("Kerkstraat", "12", "B", "9000", "Gent", "BE").generalAssemblyDate("2026-06-09")
                        .director("p-1", "Jan Peeters", "2021-06-08", null),
                company("a-2").name("Zonder Nummer " + n));
        erp.serve(bob, company("b-9").number("BE " + key.substring(0, 4) + " " + key.substring(4, 7) + " "
                        + key.substring(7)).name(name).legalForm("BV")
                        .address("Kerkstraat", "12", "B", "9000", "Gent", "BE").generalAssemblyDate("2026-06-09")
                        .director("p-1", "Jan Peeters", "2021-06-08", null),
                company("a-2").name("Zonder Nummer " + n));

        assertCounts(sync(alice), "SUCCEEDED", 2, 0, 0);
        assertCounts(sync(bob), "SUCCEEDED", 0, 2, 0);
        assertCounts(sync(alice), "SUCCEEDED", 0, 0, 2);

        List<JsonNode> aliceCompanies = items(ok(call("GET", "/api/connections/" + alice + "/companies")));
        List<JsonNode> bobCompanies = items(ok(call("GET", "/api/connections/" + bob + "/companies")));
        assertThat(fields(aliceCompanies.get(0))).containsExactly("erpCompanyId", "name", "number", "selected", "company");
        assertThat(aliceCompanies).extracting(c -> c.path("erpCompanyId").asText()).containsExactly("a-1", "a-2");
        assertThat(aliceCompanies.get(0).path("number").asText()).as("as the ERP spells it").isEqualTo(dotted(key));
        assertThat(aliceCompanies.get(1).path("number").isNull()).isTrue();
        assertThat(aliceCompanies).allSatisfy(c -> assertThat(c.path("selected").asBoolean()).isTrue());
        assertThat(bobCompanies).extracting(c -> c.path("company").asLong())
                .as("the same platform companies").containsExactly(aliceCompanies.get(0).path("company").asLong(),
                        aliceCompanies.get(1).path("company").asLong());
        long id = aliceCompanies.get(0).path("company").asLong();

        List<JsonNode> found = items(ok(call("GET", "/api/companies?q=" + encode(name))));
        assertThat(found).singleElement().satisfies(company -> {
            assertThat(fields(company)).startsWith("id", "name", "number", "address", "generalAssemblyDate",
                    "connections").doesNotContain("relations");
            assertThat(company.path("id").asLong()).isEqualTo(id);
            assertThat(company.path("number").asText()).isEqualTo(key);
            assertThat(company.path("numberValid").asBoolean()).isTrue();
            assertThat(company.path("generalAssemblyDate").asText()).isEqualTo("2026-06-09");
            assertThat(company.path("connections")).extracting(JsonNode::asText).containsExactly(alice, bob);
        });
        for (String spelling : List.of(dotted(key), "BE" + key, "be " + dotted(key), key.substring(1),
                key.substring(0, 7))) {
            assertThat(items(ok(call("GET", "/api/companies?q=" + encode(spelling)))))
                    .as(spelling).extracting(c -> c.path("id").asLong()).contains(id);
        }

        JsonNode company = ok(call("GET", "/api/companies/" + id));
        assertThat(company.path("address").path("street").asText()).isEqualTo("Kerkstraat");
        assertThat(company.path("address").path("box").asText()).isEqualTo("B");
        assertThat(company.path("legalForm").asText()).isEqualTo("BV");
        assertThat(company.path("relations")).as("one director, not one per connection").singleElement()
                .satisfies(director -> {
                    assertThat(fields(director)).containsExactly("id", "role", "type", "name", "firstName", "lastName",
                            "sharePercent", "shares", "startDate", "endDate", "permanentRepresentative", "source",
                            "connection", "duplicateOf");
                    assertThat(director.path("role").asText()).isEqualTo("DIRECTOR");
                    assertThat(director.path("type").asText()).isEqualTo("PERSON");
                    assertThat(director.path("firstName").asText()).isEqualTo("Jan");
                    assertThat(director.path("startDate").asText()).isEqualTo("2021-06-08");
                    assertThat(director.path("source").asText()).isEqualTo("IMPORTED");
                    assertThat(director.path("connection").asText()).isIn(alice, bob);
                });
    }

    @Test
    void relationsFollowTheErpAndManualOnesOutliveItsImports() {
        int n = SEQUENCE.incrementAndGet();
        String office = connection("office", n);
        String name = "Relations " + n;
        erp.serve(office, company("c-1").number(validNumber(n)).name(name).generalAssemblyDate("2026-06-09")
                .director("p-1", "Jan Peeters", "2021-06-08", null)
                .director("p-2", "An Claes", null, null)
                .companyDirector("p-3", "Claes Beheer BV", "Piet Claes", "2020-01-01", null)
                .shareholder("p-1", "Jan Peeters", "60", "600")
                .auditor("p-4", "Van Dijck & Co Bedrijfsrevisoren BV"));
        assertCounts(sync(office), "SUCCEEDED", 1, 0, 0);
        long id = companyOf(office, "c-1");

        Map<String, JsonNode> imported = byName(ok(call("GET", "/api/companies/" + id)));
        assertThat(imported).hasSize(4);
        assertThat(imported.get("Claes Beheer BV").path("type").asText()).isEqualTo("COMPANY");
        assertThat(imported.get("Claes Beheer BV").path("permanentRepresentative").asText()).isEqualTo("Piet Claes");
        JsonNode shareholder = relation(ok(call("GET", "/api/companies/" + id)), "SHAREHOLDER", "Jan Peeters");
        assertThat(shareholder.path("sharePercent").decimalValue()).isEqualByComparingTo("60");
        assertThat(shareholder.path("shares").asLong()).isEqualTo(600);

        Response added = call("POST", "/api/companies/" + id + "/relations", ADMIN, Map.of("role", "DIRECTOR",
                "type", "PERSON", "name", "Marie Dubois", "startDate", "2024-01-01"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        long manual = added.node().path("id").asLong();
        assertThat(added.header("Location")).isEqualTo("/api/companies/" + id + "/relations/" + manual);
        assertThat(added.node().path("source").asText()).isEqualTo("MANUAL");
        assertThat(added.node().path("connection").isNull()).isTrue();

        // the ERP no longer lists two directors, and now lists the one added by hand
        erp.serve(office, company("c-1").number(validNumber(n)).name(name).generalAssemblyDate("2026-06-09")
                .companyDirector("p-3", "Claes Beheer BV", "Piet Claes", "2020-01-01", null)
                .director("p-9", "marie\u00A0 DUBOIS", "2024-01-01", null)
                .shareholder("p-1", "Jan Peeters", "60", "600")
                .auditor("p-4", "Van Dijck & Co Bedrijfsrevisoren BV"));
        LocalDate before = LocalDate.now(ZoneOffset.UTC);
        assertCounts(sync(office, "full"), "SUCCEEDED", 0, 1, 0);
        LocalDate after = LocalDate.now(ZoneOffset.UTC);

        JsonNode company = ok(call("GET", "/api/companies/" + id));
        JsonNode left = relation(company, "DIRECTOR", "Jan Peeters");
        assertThat(LocalDate.parse(left.path("endDate").asText())).as("ends today, UTC").isBetween(before, after);
        assertThat(names(company)).as("never started: removed").doesNotContain("An Claes");
        JsonNode marie = relation(company, "DIRECTOR", "Marie Dubois");
        assertThat(marie.path("id").asLong()).as("the manual one, untouched").isEqualTo(manual);
        assertThat(marie.path("source").asText()).isEqualTo("MANUAL");
        assertThat(marie.path("duplicateOf").isNull()).isTrue();
        JsonNode brought = relation(company, "DIRECTOR", "marie\u00A0 DUBOIS");
        assertThat(brought.path("source").asText()).isEqualTo("IMPORTED");
        assertThat(brought.path("duplicateOf").asLong()).as("flagged, not a second current director").isEqualTo(manual);
        assertThat(relation(company, "SHAREHOLDER", "Jan Peeters").path("endDate").isNull()).isTrue();

        Response refused = call("DELETE", "/api/companies/" + id + "/relations/" + shareholder.path("id").asLong());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.errorFields()).containsExactly("relationId");
        assertThat(refused.node().path("detail").asText()).contains("in the ERP");

        assertThat(call("DELETE", "/api/companies/" + id + "/relations/" + manual).status()).isEqualTo(204);
        assertThat(relation(ok(call("GET", "/api/companies/" + id)), "DIRECTOR", "marie\u00A0 DUBOIS")
                .path("duplicateOf").isNull()).as("no longer a duplicate").isTrue();
        Response gone = call("DELETE", "/api/companies/" + id + "/relations/" + manual);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorFields()).containsExactly("relationId");

        assertCounts(sync(office, "full"), "SUCCEEDED", 0, 0, 1);
        assertThat(relation(ok(call("GET", "/api/companies/" + id)), "DIRECTOR", "Jan Peeters").path("endDate").asText())
                .isEqualTo(left.path("endDate").asText());
    }

    @Test
    void aNumberCorrectedInTheErpCorrectsTheCompanyOrJoinsTheOneThatHasIt() {
        int n = SEQUENCE.incrementAndGet();
        String office = connection("fix", n);
        String other = connection("other", n);
        String mine = validNumber(n);
        String theirs = validNumber(n + 5000);
        String typo = mine.substring(0, 9) + (mine.charAt(9) == '0' ? '1' : '0');
        erp.serve(office, company("f-1").number(typo).name("Typo " + n).director("d-1", "Jan Peeters", "2020-01-01",
                null), company("f-2").number(theirs + "9").name("Too long " + n).director("d-2", "An Claes", "2020-01-01",
                null));
        erp.serve(other, company("o-1").number(theirs).name("Theirs " + n));
        sync(office);
        sync(other);
        long typed = companyOf(office, "f-1");
        long tooLong = companyOf(office, "f-2");
        assertThat(ok(call("GET", "/api/companies/" + typed)).path("numberValid").asBoolean()).isFalse();
        assertThat(ok(call("GET", "/api/companies/" + tooLong)).path("number").asText()).isEqualTo(theirs + "9");

        erp.serve(office, company("f-1").number(dotted(mine)).name("Typo " + n).director("d-1", "Jan Peeters",
                "2020-01-01", null), company("f-2").number(theirs).name("Theirs, here " + n).director("d-2", "An Claes",
                "2020-01-01", null));
        assertCounts(sync(office), "SUCCEEDED", 0, 2, 0);

        JsonNode corrected = ok(call("GET", "/api/companies/" + companyOf(office, "f-1")));
        assertThat(corrected.path("id").asLong()).as("the same company, its number corrected").isEqualTo(typed);
        assertThat(corrected.path("number").asText()).isEqualTo(mine);
        assertThat(corrected.path("numberValid").asBoolean()).isTrue();
        assertThat(companyOf(office, "f-2")).as("the company that has the number").isEqualTo(companyOf(other, "o-1"));
        assertThat(relation(ok(call("GET", "/api/companies/" + companyOf(other, "o-1"))), "DIRECTOR", "An Claes")
                .path("endDate").isNull()).isTrue();
        assertThat(relation(ok(call("GET", "/api/companies/" + tooLong)), "DIRECTOR", "An Claes").path("endDate")
                .isNull()).as("no longer listed there by this connection: ended").isFalse();
    }

    @Test
    void checksSayWhatIsWrongAndWhatToDo() {
        int n = SEQUENCE.incrementAndGet();
        String office = connection("checks", n, true);
        erp.serve(office,
                company("k-1").number("0712.345.678").name("Checks " + n)
                        .shareholder("s-1", "An Claes", "30", null).shareholder("s-2", "an  claes", "30", null)
                        .auditor("a-1", "Van Dijck").auditor("a-2", "Claes Revisoren"),
                company("k-2").number(validNumber(n)).name("In order " + n).generalAssemblyDate("2026-06-09")
                        .director("d-1", "Jan Peeters", "2021-01-01", null)
                        .shareholder("d-1", "Jan Peeters", "100", "1000").auditor("a-3", "Van Dijck"));
        assertCounts(sync(office), "SUCCEEDED", 2, 0, 0);
        long wrong = companyOf(office, "k-1");
        long right = companyOf(office, "k-2");

        JsonNode company = ok(call("GET", "/api/companies/" + wrong));
        assertThat(company.path("number").asText()).as("kept, not refused").isEqualTo("0712345678");
        assertThat(company.path("numberValid").asBoolean()).isFalse();
        List<JsonNode> checks = items(ok(call("GET", "/api/companies/" + wrong + "/checks", VIEWER)));
        assertThat(checks).extracting(c -> c.path("code").asText()).containsExactly("NUMBER_INVALID", "NO_DIRECTOR",
                "SHARES_NOT_100", "MORE_THAN_ONE_AUDITOR", "DUPLICATE_RELATION", "GENERAL_ASSEMBLY_DATE_MISSING");
        assertThat(checks).extracting(c -> c.path("severity").asText()).containsExactly("ERROR", "ERROR", "ERROR",
                "WARNING", "WARNING", "WARNING");
        assertThat(fields(checks.get(0))).containsExactly("code", "severity", "message", "relations");
        Map<String, Long> ids = new LinkedHashMap<>();
        company.path("relations").forEach(r -> ids.put(r.path("name").asText(), r.path("id").asLong()));
        assertThat(checks.get(2).path("relations")).extracting(JsonNode::asLong)
                .containsExactly(ids.get("An Claes"), ids.get("an  claes"));
        assertThat(checks.get(2).path("message").asText()).contains("60%, not 100%");
        assertThat(checks.get(3).path("relations")).extracting(JsonNode::asLong)
                .containsExactly(ids.get("Van Dijck"), ids.get("Claes Revisoren"));
        assertThat(checks.get(4).path("relations")).extracting(JsonNode::asLong)
                .containsExactly(ids.get("An Claes"), ids.get("an  claes"));
        assertThat(checks).allSatisfy(c -> assertThat(c.path("message").asText()).containsAnyOf("ERP", "POST"));

        assertThat(items(ok(call("GET", "/api/companies/" + right + "/checks")))).isEmpty();
        Response added = call("POST", "/api/companies/" + right + "/relations", ADMIN,
                Map.of("role", "director", "type", "person", "name", "JAN PEETERS"));
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        JsonNode duplicate = items(ok(call("GET", "/api/companies/" + right + "/checks"))).get(0);
        assertThat(duplicate.path("code").asText()).isEqualTo("DUPLICATE_RELATION");
        assertThat(duplicate.path("message").asText()).contains("delete the manual one");
        assertThat(duplicate.path("relations")).extracting(JsonNode::asLong).hasSize(2)
                .contains(added.node().path("id").asLong());
        JsonNode imported = relation(ok(call("GET", "/api/companies/" + right)), "DIRECTOR", "Jan Peeters");
        assertThat(imported.path("duplicateOf").asLong()).as("the manual one added after the import")
                .isEqualTo(added.node().path("id").asLong());
        assertThat(call("GET", "/api/companies/99999999/checks").status()).isEqualTo(404);
    }

    @Test
    void onlySelectedCompaniesAreImported() {
        int n = SEQUENCE.incrementAndGet();
        String office = connection("select", n);
        erp.serve(office, company("s-1").name("First " + n), company("s-2").name("Second " + n));
        assertCounts(sync(office), "SUCCEEDED", 2, 0, 0);

        List<JsonNode> selection = items(ok(call("PUT", "/api/connections/" + office + "/companies", ADMIN,
                Map.of("selected", List.of("s-1")))));
        assertThat(selection).extracting(c -> c.path("erpCompanyId").asText() + "=" + c.path("selected").asBoolean())
                .containsExactly("s-1=true", "s-2=false");
        erp.serve(office, company("s-1").name("First renamed " + n), company("s-2").name("Second renamed " + n),
                company("s-3").name("Third " + n));
        JsonNode run = sync(office);
        assertCounts(run, "SUCCEEDED", 1, 1, 0);
        assertThat(run.path("counts").path("skipped").asInt()).isEqualTo(1);
        assertThat(run.path("counts").path("read").asInt()).isEqualTo(3);
        assertThat(ok(call("GET", "/api/companies/" + companyOf(office, "s-2"))).path("name").asText())
                .isEqualTo("Second " + n);
        assertThat(items(ok(call("GET", "/api/connections/" + office + "/companies"))))
                .extracting(c -> c.path("erpCompanyId").asText() + "=" + c.path("selected").asBoolean())
                .as("a new company is selected").containsExactly("s-1=true", "s-2=false", "s-3=true");

        Response unknown = call("PUT", "/api/connections/" + office + "/companies", ADMIN,
                Map.of("selected", List.of("s-1", "nope", " ")));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorFields()).containsExactly("selected[1]", "selected[2]");
        assertThat(unknown.node().path("errors").get(0).path("message").asText()).contains("'nope'");
        Response missing = call("PUT", "/api/connections/" + office + "/companies", ADMIN, Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("selected");
        assertThat(call("PUT", "/api/connections/" + office + "/companies", VIEWER, Map.of("selected", List.of()))
                .status()).isEqualTo(403);

        String idle = connection("idle", n);
        assertThat(items(ok(call("GET", "/api/connections/" + idle + "/companies")))).as("its own company")
                .singleElement().satisfies(own -> {
                    assertThat(own.path("erpCompanyId").asText()).isEqualTo(code(idle));
                    assertThat(own.path("selected").asBoolean()).isTrue();
                    assertThat(own.path("company").asLong()).isPositive();
                });
        Response none = call("GET", "/api/connections/no-such-" + n + "/companies");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.errorFields()).containsExactly("id");
    }

    @Test
    void aSecondImportOfACompanyIsRefusedWhileOneRunsWhicheverConnectionAsks() {
        int n = SEQUENCE.incrementAndGet();
        String alice = connection("alice", n);
        String bob = connection("bob", n);
        CompanyRecords[] shared = {company("z-1").number(validNumber(n)).name("Shared " + n),
            company("z-2").name("Shared too " + n), company("z-3").name("And a third " + n)};
        erp.serve(alice, shared);
        erp.serve(bob, shared);
        sync(alice);
        sync(bob);

        erp.holdBeforeSecondPage(alice);
        long going;
        try {
            Response started = call("POST", "/api/connections/" + alice + "/sync/companies");
            assertThat(started.status()).as(started.toString()).isEqualTo(202);
            going = started.node().path("runId").asLong();
            await().atMost(Duration.ofSeconds(10)).until(() -> erp.waiting(alice));

            Response refused = call("POST", "/api/connections/" + bob + "/sync/companies?wait=true");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
            assertThat(refused.node().path("detail").asText()).contains("only one import of a company runs at a time")
                    .contains("'" + alice + "'");
            assertThat(refused.errorFields()).containsExactly("flow");
        } finally {
            erp.release(alice);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !ok(call("GET", "/api/runs/" + going)).path("finishedAt")
                .isNull());
        assertThat(ok(call("GET", "/api/runs/" + going)).path("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(sync(bob).path("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void aCompanyNewToTwoConnectionsIsImportedByOneAtATimeAndTheOtherRetries() {
        int n = SEQUENCE.incrementAndGet();
        String alice = connection("alice", n);
        String bob = connection("bob", n);
        String key = validNumber(n);
        erp.serve(alice, company("n-1").number(key).name("New " + n), company("n-2").name("Other " + n),
                company("n-3").name("Third " + n));
        erp.serve(bob, company("b-1").number(dotted(key)).name("New " + n));

        erp.holdBeforeSecondPage(alice);
        JsonNode partial;
        long going;
        try {
            Response started = call("POST", "/api/connections/" + alice + "/sync/companies");
            going = started.node().path("runId").asLong();
            // its first page, with the new company, written and committed; its second asked for and held
            await().atMost(Duration.ofSeconds(10)).until(() -> erp.waiting(alice)
                    && items(ok(call("GET", "/api/connections/" + alice + "/companies"))).size() == 2);
            partial = sync(bob);
        } finally {
            erp.release(alice);
        }
        assertThat(partial.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(partial.path("counts").path("failed").asInt()).isEqualTo(1);
        JsonNode error = ok(call("GET", "/api/runs/" + partial.path("id").asLong() + "/errors")).get(0);
        assertThat(error.path("code").asText()).isEqualTo("COMPANY_BUSY");
        assertThat(error.path("remoteKey").asText()).isEqualTo("b-1");
        assertThat(error.path("retryable").asBoolean()).isTrue();
        assertThat(error.path("message").asText()).contains("'" + alice + "'").contains("retry");
        await().atMost(Duration.ofSeconds(10)).until(() -> !ok(call("GET", "/api/runs/" + going)).path("finishedAt")
                .isNull());

        JsonNode retry = ok(call("POST", "/api/runs/" + partial.path("id").asLong() + "/retry?wait=true"));
        assertThat(retry.path("trigger").asText()).isEqualTo("RETRY");
        assertCounts(retry, "SUCCEEDED", 0, 1, 0);
        assertThat(companyOf(bob, "b-1")).isEqualTo(companyOf(alice, "n-1"));
    }

    @Test
    void aBadRecordIsRejectedNamingItsFieldAndTheOthersAreWritten() {
        int n = SEQUENCE.incrementAndGet();
        String office = connection("bad", n);
        String key = validNumber(n);
        erp.serve(office,
                company("r-1").name("Bad date " + n).relation(CompanyRecords.relation("x", "DIRECTOR", "PERSON", "Jan",
                        "2026-13-01", null)),
                company("r-2").name("Good " + n).director("d", "An Claes", "2020-01-01", null),
                company("r-3").number(key).name("Numbered " + n),
                company("r-4").number(dotted(key)).name("Numbered twice " + n),
                company("r-5").name("Bad role " + n).relation(CompanyRecords.relation("y", "CHAIR", "PERSON", "Piet",
                        null, null)));

        JsonNode run = sync(office);

        assertThat(run.path("status").asText()).isEqualTo("PARTIAL");
        assertThat(run.path("counts").path("created").asInt()).isEqualTo(2);
        assertThat(run.path("counts").path("rejected").asInt()).isEqualTo(3);
        Map<String, JsonNode> errors = new LinkedHashMap<>();
        ok(call("GET", "/api/runs/" + run.path("id").asLong() + "/errors"))
                .forEach(e -> errors.put(e.path("remoteKey").asText(), e));
        assertThat(errors.get("r-1").path("message").asText()).contains("relations[0].startDate").contains("2026-13-01");
        assertThat(errors.get("r-4").path("code").asText()).isEqualTo("DUPLICATE_COMPANY");
        assertThat(errors.get("r-4").path("message").asText()).contains("'r-3'");
        assertThat(errors.get("r-5").path("message").asText()).contains("relations[0].role");
        assertThat(errors.values()).allSatisfy(e -> assertThat(e.path("retryable").asBoolean()).isFalse());
        assertThat(items(ok(call("GET", "/api/connections/" + office + "/companies"))))
                .extracting(c -> c.path("erpCompanyId").asText()).containsExactly("r-2", "r-3");
    }

    @Test
    void aCompanysRecordsAndTheConnectionsCompaniesAreRecordsToo() {
        int n = SEQUENCE.incrementAndGet();
        String office = connection("records", n);
        erp.serve(office, company("e-1").number(validNumber(n)).name("Records one " + n).companyName("Records one BV")
                .uniqueIdentifier("APR0001"), company("e-2").name("Records two " + n));
        sync(office);

        List<JsonNode> records = items(ok(call("GET", "/api/connections/" + office + "/records/companies?q="
                + encode("records ONE " + n))));
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.path("erpCompanyId").asText()).isEqualTo("e-1");
            assertThat(record.path("companyName").asText()).isEqualTo("Records one BV");
            assertThat(record.path("uniqueIdentifier").asText()).isEqualTo("APR0001");
            assertThat(record.path("companyId").asLong()).isEqualTo(companyOf(office, "e-1"));
            assertThat(record.path("customFields").isObject()).isTrue();
        });
        long own = items(ok(call("GET", "/api/companies?q=" + encode("Office records " + n)))).get(0).path("id").asLong();
        JsonNode first = ok(call("GET", "/api/companies/" + own + "/records/companies?limit=1"));
        assertThat(items(first)).extracting(r -> r.path("erpCompanyId").asText()).containsExactly("e-1");
        JsonNode second = ok(call("GET", "/api/companies/" + own + "/records/companies?limit=1&after="
                + first.path("next").asText()));
        assertThat(items(second)).extracting(r -> r.path("erpCompanyId").asText()).containsExactly("e-2");
        assertThat(second.path("next").isNull()).isTrue();
        assertThat(items(ok(call("GET", "/api/companies/" + own + "/records/customers")))).isEmpty();
        assertThat(call("GET", "/api/companies/" + own + "/records/nope").errorFields()).containsExactly("entity");
        assertThat(call("GET", "/api/companies/99999999/records/customers").status()).isEqualTo(404);

        JsonNode page = ok(call("GET", "/api/companies?q=" + encode("Records ") + "&limit=1"));
        assertThat(items(page)).hasSize(1);
        assertThat(items(ok(call("GET", "/api/companies?q=" + encode("Records ") + "&limit=1&after="
                + page.path("next").asText())))).hasSize(1);
        assertThat(call("GET", "/api/companies?after=x").errorFields()).containsExactly("after");
    }

    @Test
    void aViewerListsAndReadsOnlyTheCompaniesThatAConnectionOpenToItBrings() {
        int n = SEQUENCE.incrementAndGet();
        String closed = connection("closed", n);
        String open = connection("open", n, true);
        String name = "Visible " + n;
        // the ERP's ids are the test's own: a company without a number is known by its ERP's id of it
        erp.serve(closed, company("hidden-" + n).name(name + " hidden"),
                company("shared-" + n).number(validNumber(n)).name(name + " shared"));
        erp.serve(open, company("also-shared-" + n).number(validNumber(n)).name(name + " shared"));
        sync(closed);
        sync(open);
        long hidden = companyOf(closed, "hidden-" + n);
        long shared = companyOf(open, "also-shared-" + n);
        assertThat(companyOf(closed, "shared-" + n)).as("one company, two connections").isEqualTo(shared);

        assertThat(items(ok(call("GET", "/api/companies?q=" + encode(name), VIEWER))))
                .extracting(c -> c.path("id").asLong()).containsExactly(shared);
        assertThat(items(ok(call("GET", "/api/companies?q=" + encode(name)))))
                .extracting(c -> c.path("id").asLong()).containsExactlyInAnyOrder(hidden, shared);
        assertThat(ok(call("GET", "/api/companies/" + shared, VIEWER)).path("connections"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder(closed, open);
        Response refused = call("GET", "/api/companies/" + hidden, VIEWER);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorFields()).containsExactly("id");
        assertThat(refused.node().path("detail").asText()).contains(closed + " (belongs to test-admin)");
        assertThat(call("GET", "/api/companies/" + hidden + "/records/customers", VIEWER).status()).isEqualTo(403);
        assertThat(call("GET", "/api/connections/" + closed + "/companies", VIEWER).status()).isEqualTo(403);
        assertThat(call("GET", "/api/connections/" + open + "/companies", VIEWER).status()).isEqualTo(200);
    }

    @Test
    void aManualRelationIsCheckedFieldByField() {
        int n = SEQUENCE.incrementAndGet();
        String office = connection("manual", n, true);
        erp.serve(office, company("m-1").name("Manual " + n));
        sync(office);
        long id = companyOf(office, "m-1");
        String path = "/api/companies/" + id + "/relations";

        Map<String, Object> wrong = new LinkedHashMap<>();
        wrong.put("role", "CHAIR");
        wrong.put("type", "ALIEN");
        wrong.put("sharePercent", 150);
        wrong.put("startDate", "2026-02-30");
        wrong.put("endDate", "soon");
        Response refused = call("POST", path, ADMIN, wrong);
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.errorFields()).containsExactly("role", "type", "name", "sharePercent", "startDate", "endDate");

        Response types = call("POST", path, ADMIN, Map.of("role", "SHAREHOLDER", "type", "PERSON", "name", "An",
                "sharePercent", "ten", "endDate", "2020-01-01", "startDate", "2021-01-01"));
        assertThat(types.status()).isEqualTo(400);
        assertThat(types.errorFields()).containsExactly("sharePercent", "endDate");

        Response director = call("POST", path, ADMIN, Map.of("role", "DIRECTOR", "type", "PERSON", "name", "An",
                "sharePercent", 10, "permanentRepresentative", "Piet"));
        assertThat(director.errorFields()).containsExactly("sharePercent", "permanentRepresentative");

        Response named = call("POST", path, ADMIN, Map.of("role", "SHAREHOLDER", "type", "PERSON",
                "firstName", "An", "lastName", "Claes", "sharePercent", 33.33, "shares", 100));
        assertThat(named.status()).as(named.toString()).isEqualTo(201);
        assertThat(named.node().path("name").asText()).isEqualTo("An Claes");
        assertThat(named.node().path("sharePercent").decimalValue()).isEqualByComparingTo("33.33");

        assertThat(call("POST", path, VIEWER, Map.of("role", "AUDITOR", "type", "COMPANY", "name", "X")).status())
                .isEqualTo(403);
        assertThat(call("GET", "/api/companies/" + id, VIEWER).status()).isEqualTo(200);
        Response unknown = call("POST", "/api/companies/99999999/relations", ADMIN,
                Map.of("role", "AUDITOR", "type", "COMPANY", "name", "X"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.errorFields()).containsExactly("id");
    }

    // --- helpers

    /** A connection of the office ERP, created through the API by the ADMIN; its own company is coded after it. */
    private String connection(String who, int n) {
        return connection(who, n, false);
    }

    /**
     * As {@link #connection(String, int)}; {@code open}: with allowOthersToEdit, so that the VIEWER reads its companies
     * (ConnectionOwnershipApiTest says who may read what).
     */
    private String connection(String who, int n, boolean open) {
        String id = "co-" + n + "-" + who;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("company", Map.of("code", code(id), "name", "Office " + who + " " + n));
        body.put("erp", OfficeTestErp.ERP);
        body.put("endpoints", List.of(Map.of("name", "main", "url", "https://office.example/api")));
        body.put("credentials", Map.of("apiToken", "s3cret-Token"));
        body.put("allowOthersToEdit", open);
        Response created = call("POST", "/api/connections", ADMIN, body);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return id;
    }

    private static String code(String connectionId) {
        return connectionId.toUpperCase();
    }

    private JsonNode sync(String connectionId) {
        return ok(call("POST", "/api/connections/" + connectionId + "/sync/companies?wait=true"));
    }

    private JsonNode sync(String connectionId, String mode) {
        return ok(call("POST", "/api/connections/" + connectionId + "/sync/companies?wait=true&mode=" + mode));
    }

    private static void assertCounts(JsonNode run, String status, int created, int updated, int unchanged) {
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo(status);
        JsonNode counts = run.path("counts");
        assertThat(List.of(counts.path("created").asInt(), counts.path("updated").asInt(),
                counts.path("unchanged").asInt())).as("created, updated, unchanged: " + run)
                .containsExactly(created, updated, unchanged);
    }

    private long companyOf(String connectionId, String erpCompanyId) {
        return items(ok(call("GET", "/api/connections/" + connectionId + "/companies"))).stream()
                .filter(c -> c.path("erpCompanyId").asText().equals(erpCompanyId)).findFirst()
                .orElseThrow(() -> new AssertionError(erpCompanyId + " is none of " + connectionId + "'s companies"))
                .path("company").asLong();
    }

    private static JsonNode relation(JsonNode company, String role, String name) {
        for (JsonNode relation : company.path("relations")) {
            if (relation.path("role").asText().equals(role) && relation.path("name").asText().equals(name)) {
                return relation;
            }
        }
        throw new AssertionError("no " + role + " '" + name + "' in " + company);
    }

    private static Map<String, JsonNode> byName(JsonNode company) {
        Map<String, JsonNode> relations = new LinkedHashMap<>();
        company.path("relations").forEach(r -> relations.put(r.path("name").asText(), r));
        return relations;
    }

    private static List<String> names(JsonNode company) {
        List<String> names = new ArrayList<>();
        company.path("relations").forEach(r -> names.add(r.path("name").asText()));
        return names;
    }

    /** A valid enterprise number of its own for each test: 0, seven digits, and the check. */
    private static String validNumber(int n) {
        String first = String.format("0%07d", 4_100_000 + n * 7);
        return first + String.format("%02d", 97 - Long.parseLong(first) % 97);
    }

    private static String dotted(String key) {
        return key.substring(0, 4) + "." + key.substring(4, 7) + "." + key.substring(7);
    }

    private Response call(String method, String path) {
        return call(method, path, ADMIN);
    }

    private Response call(String method, String path, String token) {
        return new ApiClient(port, json).call(method, path, token, null);
    }

    private Response call(String method, String path, String token, Object body) {
        try {
            return new ApiClient(port, json).call(method, path, token, json.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static JsonNode ok(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.node();
    }

    private static List<JsonNode> items(JsonNode page) {
        List<JsonNode> items = new ArrayList<>();
        page.path("items").forEach(items::add);
        return items;
    }

    private static List<String> fields(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String encode(String q) {
        return URLEncoder.encode(q, StandardCharsets.UTF_8);
    }

    /** A routes folder beside the application holding the office ERP's companies flow, made from a packaged one. */
    private static Path routesWithTheOfficeErpsFile() {
        try {
            Path folder = Files.createTempDirectory("passerelle-company-routes");
            Files.createDirectories(folder.resolve(OfficeTestErp.ERP));
            String employees = Files.readString(Path.of("routes/acumatica/employees.camel.yaml"));
            Files.writeString(folder.resolve(OfficeTestErp.ERP + "/companies.camel.yaml"), employees
                    .replace("id: acumatica-employees", "id: office-erp-companies")
                    .replace("defaultValue: Employee", "defaultValue: relations")
                    .replace("defaultValue: employees", "defaultValue: companies"));
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
