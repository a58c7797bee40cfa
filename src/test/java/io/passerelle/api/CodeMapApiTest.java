package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.codemap.CodeMaps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CodeMapApiTest extends TimesheetApiSupport {

    private static final String COMPANY = "MAPCO";
    private static final String CONNECTION = "mapco-erp";
    private static final String HOURS = "/api/connections/" + CONNECTION + "/maps/hourTypes";
    private static final String EARNINGS = "/api/connections/" + CONNECTION + "/maps/earnings";
    private static final String PROJECTS = "/api/connections/" + CONNECTION + "/maps/projects";
    private static final String SUGGESTIONS = PROJECTS + "/suggestions";

    @Autowired
    CodeMaps codeMaps;

    @BeforeEach
    void masterDataExists() {
        long companyId = connection(CONNECTION, COMPANY);
        masterData(companyId);
        if (jdbc.queryForObject("select count(*) from project where company_id = ? and number = 'DRV 300'",
                Integer.class, companyId) == 0) {
            namedProject(companyId, "P-2001", "Tour Boréal");
            namedProject(companyId, "DRV 300", "Pont Champlain");
        }
    }

    @Test
    void linksPlatformProjectsToSyncedErpProjectsAndRefusesAnUnsyncedOneNamingTheEntry() {
        Response put = put(PROJECTS, ENGINEER, entry(" DRV\u2011118 ", "P-1001", null), entry("DRV-119", "p-1002 ", null));
        assertThat(put.status()).as(put.toString()).isEqualTo(422);
        assertThat(put.errorFields()).as("match keys keep case: p-1002 is no project").containsExactly("entries[1].erpCode");
        assertThat(put.body()).contains("'p-1002' is not the number of a synced project").contains("projects sync");

        put = put(PROJECTS, ENGINEER, entry(" DRV\u2011118 ", "P-1001", null), entry("DRV-119", " P-1002", null));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.node().path("entries").toString()).isEqualTo(
                "[{\"platformCode\":\"DRV-118\",\"erpCode\":\"P-1001\"},{\"platformCode\":\"DRV-119\",\"erpCode\":\"P-1002\"}]");
        assertThat(call("GET", PROJECTS, VIEWER).node()).isEqualTo(put.node());
        assertThat(codeMaps.hourTypes(CONNECTION)).as("a kind of its own").doesNotContainKey("DRV-118");

        assertThat(put(PROJECTS, ENGINEER, entry("DRV-118", "P-1001", true)).errorFields())
                .containsExactly("entries[0].regular");
        assertThat(put(PROJECTS, ADMIN).node().path("entries")).isEmpty();
    }

    @Test
    void suggestsLinksByNumberAndByNameAndLinksNothing() {
        put(PROJECTS, ADMIN, entry("DRV-118", "P-1001", null));

        Response byCode = call("GET", SUGGESTIONS + "?codes=drv-300,DRV-118,DRV-999", ENGINEER);
        assertThat(byCode.status()).as(byCode.toString()).isEqualTo(200);
        JsonNode items = byCode.node().path("items");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).toString()).isEqualTo("{\"platformCode\":\"drv-300\",\"platformName\":null,"
                + "\"linked\":null,\"suggestions\":[{\"erpCode\":\"DRV 300\",\"name\":\"Pont Champlain\","
                + "\"status\":\"ACTIVE\",\"reason\":\"number\"}]}");
        assertThat(items.get(1).path("linked").asText()).isEqualTo("P-1001");
        assertThat(items.get(2).path("suggestions")).isEmpty();

        Response byName = call("POST", SUGGESTIONS, ENGINEER, toJson(Map.of("projects", List.of(
                Map.of("code", "DRV-400", "name", " TOUR BOREAL "), Map.of("code", "DRV-300")))));
        assertThat(byName.status()).as(byName.toString()).isEqualTo(200);
        assertThat(byName.node().path("items").get(0).path("platformName").asText()).isEqualTo("TOUR BOREAL");
        assertThat(byName.node().path("items").get(0).path("suggestions").toString()).isEqualTo(
                "[{\"erpCode\":\"P-2001\",\"name\":\"Tour Boréal\",\"status\":\"ACTIVE\",\"reason\":\"name\"}]");
        assertThat(byName.node().path("items").get(1).path("suggestions").get(0).path("erpCode").asText())
                .isEqualTo("DRV 300");

        // without codes: the platform projects Passerelle knows for the company (here, the one linked)
        Response known = call("GET", SUGGESTIONS, ENGINEER);
        assertThat(known.node().path("items")).extracting(item -> item.path("platformCode").asText())
                .containsExactly("DRV-118");
        assertThat(call("GET", PROJECTS, VIEWER).node().path("entries")).as("nothing linked by suggesting").hasSize(1);
        put(PROJECTS, ADMIN);
    }

    @Test
    void badSuggestionRequestsAre400AndOnlyThoseWhoSeeTheCompanysDataGetThem() {
        Response blank = call("GET", SUGGESTIONS + "?codes=DRV-1,%20", ENGINEER);
        assertThat(blank.status()).as(blank.toString()).isEqualTo(400);
        assertThat(blank.errorFields()).containsExactly("codes[1]");
        assertThat(call("POST", SUGGESTIONS, ENGINEER, "{}").errorFields()).containsExactly("projects");
        assertThat(call("POST", SUGGESTIONS, ENGINEER, "{\"projects\": [{\"name\": \"Pont\"}, null]}").errorFields())
                .containsExactly("projects[0].code", "projects[1]");
        assertThat(call("GET", "/api/connections/nobody/maps/projects/suggestions?codes=A", ADMIN).status())
                .isEqualTo(404);
        // the synced projects are the company's data, not the connection's settings
        assertThat(call("GET", SUGGESTIONS + "?codes=A", VIEWER).status()).isEqualTo(403);
        assertThat(call("POST", SUGGESTIONS, VIEWER, "{\"projects\": []}").status()).isEqualTo(403);
        assertThat(call("GET", PROJECTS, VIEWER).status()).isEqualTo(200);
    }

    @Test
    void replacesAndShowsAnHourTypeMapWithItsRegularEntry() {
        Response put = put(HOURS, ENGINEER, entry(" REGULAR ", "REG", true), entry("OVERTIME", "OT", false),
                entry("DOUBLE", "DT", null));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        JsonNode entries = put.node().path("entries");
        assertThat(entries.toString()).isEqualTo("[{\"platformCode\":\"DOUBLE\",\"erpCode\":\"DT\",\"regular\":false},"
                + "{\"platformCode\":\"OVERTIME\",\"erpCode\":\"OT\",\"regular\":false},"
                + "{\"platformCode\":\"REGULAR\",\"erpCode\":\"REG\",\"regular\":true}]");
        assertThat(call("GET", HOURS, VIEWER).node()).isEqualTo(put.node());

        // the whole map is replaced
        Response replaced = put(HOURS, ADMIN, entry("NORMAL", "REG", true));
        assertThat(replaced.node().path("entries")).hasSize(1);
        assertThat(call("GET", HOURS, VIEWER).node().path("entries").get(0).path("platformCode").asText())
                .isEqualTo("NORMAL");

        assertThat(codeMaps.regularHourType(CONNECTION)).contains("REG");
        // only what was mapped translates: an unmapped code is refused at export, never guessed
        assertThat(codeMaps.hourTypes(CONNECTION)).isEqualTo(Map.of("NORMAL", "REG"));

        assertThat(put(HOURS, ADMIN).node().path("entries")).isEmpty();
        assertThat(codeMaps.regularHourType(CONNECTION)).isEmpty();
    }

    @Test
    void earningsHaveNoRegularEntry() {
        Response put = put(EARNINGS, ENGINEER, entry("MILEAGE", "KM", null), entry("BONUS", "PRIME", false));
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        assertThat(put.node().path("entries").toString()).isEqualTo(
                "[{\"platformCode\":\"BONUS\",\"erpCode\":\"PRIME\"},{\"platformCode\":\"MILEAGE\",\"erpCode\":\"KM\"}]");
        assertThat(codeMaps.earnings(CONNECTION)).containsOnly(Map.entry("MILEAGE", "KM"), Map.entry("BONUS", "PRIME"));

        Response regular = put(EARNINGS, ENGINEER, entry("MILEAGE", "KM", true));
        assertThat(regular.status()).isEqualTo(400);
        assertThat(regular.errorFields()).containsExactly("entries[0].regular");
    }

    @Test
    void anUnknownErpCodeIs422NamingTheEntryAndChangesNothing() {
        put(HOURS, ADMIN, entry("REGULAR", "REG", true));
        Response unknown = put(HOURS, ENGINEER, entry("REGULAR", "REG", true), entry("NIGHT", "NUIT", false),
                entry("WEEKEND", "WE", false));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(unknown.errorFields()).containsExactly("entries[1].erpCode", "entries[2].erpCode");
        assertThat(call("GET", HOURS, VIEWER).node().path("entries")).hasSize(1);

        // an earning code is not an hour type
        assertThat(put(HOURS, ENGINEER, entry("KM", "KM", false)).errorFields()).containsExactly("entries[0].erpCode");
    }

    @Test
    void blanksDuplicatesAndTwoRegularEntriesAre400() {
        Response bad = put(HOURS, ENGINEER, entry("", "REG", true), entry("OT", " ", false), entry("OT", "OT", true),
                entry("X".repeat(65), "DT", false));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorFields()).containsExactly("entries[0].platformCode", "entries[1].erpCode",
                "entries[2].platformCode", "entries[2].regular", "entries[3].platformCode");

        Response missing = call("PUT", HOURS, ENGINEER, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.errorFields()).containsExactly("entries");
        assertThat(call("PUT", HOURS, ENGINEER, "{\"entries\": [null]}").errorFields()).containsExactly("entries[0]");
        assertThat(call("PUT", HOURS, ENGINEER, "{\"entries\": [{\"platformCode\": \"A\", \"erpCode\": \"REG\", "
                + "\"regular\": \"yes\"}]}").errorFields()).containsExactly("entries[0].regular");
    }

    @Test
    void aTypeErrorIsListedWithAnUnknownErpCodeAndMakesIt400() {
        Response answer = call("PUT", HOURS, ENGINEER, "{\"entries\": [{\"platformCode\": \"A\", \"erpCode\": \"NOPE\","
                + " \"regular\": \"yes\"}, {\"platformCode\": \"B\", \"erpCode\": \"REG\", \"regular\": [true]}]}");
        assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
        assertThat(answer.errorFields()).containsExactly("entries[0].regular", "entries[1].regular", "entries[0].erpCode");
    }

    @Test
    void unknownKindsAndConnectionsAre404() {
        Response kind = call("GET", "/api/connections/" + CONNECTION + "/maps/trades", VIEWER);
        assertThat(kind.status()).isEqualTo(404);
        assertThat(kind.errorFields()).containsExactly("kind");
        assertThat(call("PUT", "/api/connections/" + CONNECTION + "/maps/trades", ENGINEER, "{\"entries\":[]}").status())
                .isEqualTo(404);
        assertThat(call("GET", "/api/connections/nobody/maps/hourTypes", VIEWER).status()).isEqualTo(404);
        assertThat(call("PUT", "/api/connections/nobody/maps/earnings", ENGINEER, "{\"entries\":[]}").status())
                .isEqualTo(404);
    }

    @Test
    void onlyAdminsAndEngineersWrite() {
        for (String token : new String[] {VIEWER, APPROVER}) {
            assertThat(put(HOURS, token, entry("REGULAR", "REG", true)).status()).as(token).isEqualTo(403);
            assertThat(call("GET", HOURS, token).status()).as(token).isEqualTo(200);
        }
        assertThat(call("GET", HOURS, null).status()).isEqualTo(401);
    }

    private void namedProject(long companyId, String number, String name) {
        jdbc.update("insert into project (company_id, match_key, loose_key, number, name, status, created_at, updated_at)"
                + " values (?, ?, ?, ?, ?, 'ACTIVE', current_timestamp, current_timestamp)", companyId,
                KeyNormalizer.matchKey(number), KeyNormalizer.looseKey(number), number, name);
    }

    private Response put(String path, String token, Map<?, ?>... entries) {
        return call("PUT", path, token, toJson(Map.of("entries", List.of(entries))));
    }

    private static Map<String, Object> entry(String platformCode, String erpCode, Boolean regular) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("platformCode", platformCode);
        entry.put("erpCode", erpCode);
        if (regular != null) {
            entry.put("regular", regular);
        }
        return entry;
    }
}
