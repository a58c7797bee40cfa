package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.codemap.CodeMaps;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CodeMapApiTest extends TimesheetApiSupport {

    private static final String COMPANY = "MAPCO";
    private static final String CONNECTION = "mapco-erp";
    private static final String HOURS = "/api/connections/" + CONNECTION + "/maps/hourTypes";
    private static final String EARNINGS = "/api/connections/" + CONNECTION + "/maps/earnings";

    @Autowired
    CodeMaps codeMaps;

    @BeforeEach
    void masterDataExists() {
        masterData(connection(CONNECTION, COMPANY));
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
