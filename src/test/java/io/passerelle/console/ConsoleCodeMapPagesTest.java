package io.passerelle.console;

import static io.passerelle.api.ApiClient.ok;
import static io.passerelle.console.PayrollSandbox.ADMIN;
import static io.passerelle.console.PayrollSandbox.AVANTAGE;
import static io.passerelle.console.PayrollSandbox.ENGINEER;
import static io.passerelle.console.PayrollSandbox.VIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.api.ApiClient;
import io.passerelle.api.ApiTestSupport.Response;
import io.passerelle.connection.ConnectionService;
import io.passerelle.console.ConsoleClient.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The code maps and Payroll export pages over plain HTTP: an ENGINEER edits the hour types map of its own Avantage
 * connection and the API then answers it; an ERP code that was never synced is refused in words, next to its field,
 * and changes nothing; a VIEWER reads the map with no Save, and its POSTs change nothing and export nothing.
 */
@PayrollSandbox
class ConsoleCodeMapPagesTest {

    /** alice's own Avantage connection, to the sandbox's company: created once for the class. */
    private static final String OWN = "payroll-alice";

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;
    @Autowired
    ConnectionService connections;

    private ApiClient api;

    @BeforeEach
    void ownConnection() {
        api = new ApiClient(port, json);
        if (connections.exists(OWN)) {
            return;
        }
        ObjectNode shown = (ObjectNode) ok(api.call("GET", "/api/connections/" + AVANTAGE, ADMIN));
        shown.remove(List.of("createdAt", "updatedAt", "owner"));
        @SuppressWarnings("unchecked")
        Map<String, Object> document = new LinkedHashMap<>(json.convertValue(shown, Map.class));
        document.put("id", OWN);
        document.put("credentials", connections.get(AVANTAGE).credentials());
        document.put("schedules", Map.of());
        document.put("allowOthersToEdit", false);
        Response created = api.call("POST", "/api/connections", ENGINEER, api.write(document));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode run = ok(api.call("POST", "/api/connections/" + OWN + "/sync/hourTypes?wait=true", ENGINEER));
        assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
    }

    @Test
    void anEngineerEditsTheHourTypesMapAndTheApiAnswersIt() {
        String code = hourTypes().get(0);
        ConsoleClient engineer = signedIn(ENGINEER);
        Page connection = engineer.get("/console/connections/" + OWN);
        assertThat(connection.text()).contains("Code maps").contains("Hour types").contains("Expenses and premiums");
        assertThat(connection.body()).contains("/console/connections/" + OWN + "/maps/hourTypes\"");

        Page form = engineer.get("/console/connections/" + OWN + "/maps/hourTypes");
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains(">Save</button>").contains("<option value=\"" + code + "\"")
                .contains("Platform code, new row");
        Page saved = engineer.post("/console/connections/" + OWN + "/maps/hourTypes", Map.of(
                "entries[0].platformCode", " REG", "entries[0].erpCode", code, "entries[0].regular", "true"));

        assertThat(saved.status()).as(saved.toString()).isEqualTo(302);
        assertThat(saved.location()).endsWith("/console/connections/" + OWN + "/maps/hourTypes");
        Page after = engineer.get("/console/connections/" + OWN + "/maps/hourTypes");
        assertThat(after.text()).contains("Saved: Hour types, 1 entry.");
        assertThat(after.body()).contains("value=\"REG\"");
        JsonNode map = ok(api.call("GET", "/api/connections/" + OWN + "/maps/hourTypes", VIEWER));
        assertThat(map.path("entries").toString())
                .isEqualTo("[{\"platformCode\":\"REG\",\"erpCode\":\"" + code + "\",\"regular\":true}]");

        // a row marked Remove goes, the empty row stays out: Save replaces the whole map
        Page removed = engineer.post("/console/connections/" + OWN + "/maps/hourTypes", Map.of(
                "entries[0].platformCode", "REG", "entries[0].erpCode", code, "entries[0].remove", "true",
                "entries[1].platformCode", "", "entries[1].erpCode", ""));
        assertThat(removed.status()).as(removed.toString()).isEqualTo(302);
        assertThat(ok(api.call("GET", "/api/connections/" + OWN + "/maps/hourTypes", VIEWER)).path("entries"))
                .isEmpty();
    }

    @Test
    void anErpCodeThatWasNeverSyncedIsRefusedInWordsNextToItsFieldAndChangesNothing() {
        List<String> codes = hourTypes();
        ok(api.call("PUT", "/api/connections/" + OWN + "/maps/hourTypes", ENGINEER,
                "{\"entries\":[{\"platformCode\":\"REG\",\"erpCode\":\"" + codes.get(0) + "\",\"regular\":true}]}"));
        String before = ok(api.call("GET", "/api/connections/" + OWN + "/maps/hourTypes", VIEWER)).toString();
        ConsoleClient engineer = signedIn(ENGINEER);
        engineer.get("/console/connections/" + OWN + "/maps/hourTypes");

        Page refused = engineer.post("/console/connections/" + OWN + "/maps/hourTypes", Map.of(
                "entries[0].platformCode", "REG", "entries[0].erpCode", codes.get(0), "entries[0].regular", "true",
                "entries[1].platformCode", "OT", "entries[1].erpCode", "NEVER-SYNCED"));

        assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
        assertThat(refused.text()).contains("Not saved, nothing was changed")
                .contains("entries[1].erpCode")
                .contains("'NEVER-SYNCED' is not a synced hour type of this connection's company");
        assertThat(refused.body()).as("the problem is next to its field, which keeps what was typed")
                .contains("id=\"erp-1-problem\"").contains("aria-describedby=\"erp-1-problem\"")
                .contains("value=\"NEVER-SYNCED\"");
        assertThat(ok(api.call("GET", "/api/connections/" + OWN + "/maps/hourTypes", VIEWER)).toString())
                .isEqualTo(before);

        Page twoRegular = engineer.post("/console/connections/" + OWN + "/maps/hourTypes", Map.of(
                "entries[0].platformCode", "REG", "entries[0].erpCode", codes.get(0), "entries[0].regular", "true",
                "entries[1].platformCode", "OT", "entries[1].erpCode", codes.get(1), "entries[1].regular", "true"));
        assertThat(twoRegular.status()).isEqualTo(400);
        assertThat(twoRegular.text()).contains("entries[1].regular").contains("only one entry may be Regular");
        assertThat(ok(api.call("GET", "/api/connections/" + OWN + "/maps/hourTypes", VIEWER)).toString())
                .isEqualTo(before);
    }

    @Test
    void aViewerReadsTheMapWithNoSaveAndItsPostsChangeNothing() {
        String code = hourTypes().get(0);
        ok(api.call("PUT", "/api/connections/" + OWN + "/maps/hourTypes", ENGINEER,
                "{\"entries\":[{\"platformCode\":\"REG\",\"erpCode\":\"" + code + "\",\"regular\":true}]}"));
        String before = ok(api.call("GET", "/api/connections/" + OWN + "/maps/hourTypes", VIEWER)).toString();
        ConsoleClient viewer = signedIn(VIEWER);

        Page page = viewer.get("/console/connections/" + OWN + "/maps/hourTypes");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("Hour types: platform code to ERP code").contains("REG " + code + " yes")
                .contains("a VIEWER token may not change connections");
        assertThat(page.body()).doesNotContain(">Save</button>").doesNotContain("type=\"text\"")
                .doesNotContain("type=\"checkbox\"");
        Page post = viewer.post("/console/connections/" + OWN + "/maps/hourTypes",
                Map.of("entries[0].platformCode", "OT", "entries[0].erpCode", code));
        assertThat(post.status()).isEqualTo(403);
        assertThat(ok(api.call("GET", "/api/connections/" + OWN + "/maps/hourTypes", VIEWER)).toString())
                .isEqualTo(before);

        Page payroll = viewer.get("/console/payroll?connection=" + OWN);
        assertThat(payroll.status()).isEqualTo(200);
        assertThat(payroll.text()).contains("Payroll export").contains("a VIEWER token may not change connections");
        assertThat(payroll.body()).doesNotContain(">Export</button>");
        int runs = ok(api.call("GET", "/api/runs?connection=" + OWN + "&flow=timesheets", ADMIN)).size();
        assertThat(viewer.post("/console/connections/" + OWN + "/export/timesheets").status()).isEqualTo(403);
        assertThat(ok(api.call("GET", "/api/runs?connection=" + OWN + "&flow=timesheets", ADMIN)).size())
                .as("nothing exported").isEqualTo(runs);
    }

    @Test
    void onlyConnectionsThatExportTimesheetsHaveCodeMapsAndPayroll() {
        ConsoleClient admin = signedIn(ADMIN);
        assertThat(admin.get("/console/connections/sandbox-acumatica").text()).doesNotContain("Code maps");
        Page payroll = admin.get("/console/payroll");
        assertThat(payroll.body()).contains("<option value=\"" + AVANTAGE + "\"")
                .doesNotContain("<option value=\"sandbox-acumatica\"");
        assertThat(admin.get("/console/payroll?connection=sandbox-acumatica").status()).isEqualTo(404);
        assertThat(admin.get("/console/connections/" + OWN + "/maps/nothing").status()).isEqualTo(404);
        ConsoleClient engineer = signedIn(ENGINEER);
        Page mine = engineer.get("/console/payroll?connection=" + OWN);
        assertThat(mine.body()).contains(">Export</button>");
        Page projects = engineer.get("/console/connections/" + OWN + "/maps/projects");
        assertThat(projects.status()).isEqualTo(200);
        assertThat(projects.text()).contains("Projects of " + OWN).contains("Suggested links")
                .doesNotContain("Regular");
        assertThat(engineer.get("/console/connections/" + OWN + "/maps/projects?take=suggestions").text())
                .contains("suggested link(s) to the table").contains("Nothing is linked until then");
        assertThat(ok(api.call("GET", "/api/connections/" + OWN + "/maps/projects", VIEWER)).path("entries"))
                .as("taking suggestions links nothing").isEmpty();

        ConsoleClient french = new ConsoleClient(port, "fr-CA");
        assertThat(french.signIn(ADMIN).status()).isEqualTo(302);
        assertThat(french.get("/console/payroll?connection=" + AVANTAGE).text()).contains("Exportation vers la paie")
                .contains("Validées, à exporter").contains("Exporter");
        assertThat(french.get("/console/connections/" + OWN + "/maps/earnings").text())
                .contains("Dépenses et primes de " + OWN).contains("Code de l’ERP");
    }

    // --- fixtures -------------------------------------------------------------------------------

    private ConsoleClient signedIn(String token) {
        ConsoleClient client = new ConsoleClient(port);
        Page answer = client.signIn(token);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(302);
        return client;
    }

    /** The hour type codes the connection synced. */
    private List<String> hourTypes() {
        JsonNode page = ok(api.call("GET", "/api/connections/" + OWN + "/records/hourTypes?limit=5", ENGINEER));
        List<String> codes = new java.util.ArrayList<>();
        page.path("items").forEach(item -> codes.add(item.path("code").asText()));
        assertThat(codes).hasSizeGreaterThanOrEqualTo(2);
        return codes;
    }

}
