package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.SandboxApiTest;
import io.passerelle.api.ApiTestSupport.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI document at {@code /v3/api-docs} against the contract: every call API.md names is described, and every
 * described call is one API.md names or one of the implementation's known additions (which the contract allows: it
 * "may add endpoints"). The contract is the repository's {@code docs/API.md}, and, where the shared copy it came from
 * is checked out beside the project ({@code ../shared/API.md}, or {@code -Dpasserelle.test.shared-contract=}), that one
 * too. Each operation says its roles, as the
 * API's chain decides them, and its problem answers.
 */
@SandboxApiTest
class ApiDocsTest {

    static final String ADMIN = "test-admin-token";
    static final String ALICE = "alice-token";
    private static final Path CONTRACT = Path.of("docs/API.md");
    /** The shared contract, beside the project's folder where it is checked out so (or named by the property). */
    private static final Path SHARED_CONTRACT = Path.of(System.getProperty("passerelle.test.shared-contract",
            "../shared/API.md"));
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head");

    /**
     * What the API serves beyond the contract's calls, each on purpose. A call that is described and is in neither is a
     * new endpoint nobody wrote into the contract (or this list).
     */
    private static final Set<String> ADDITIONS = Set.of(
            "GET /api/approvals/{}",
            "GET /api/routes",
            "GET /api/connections/{}/cursors",
            "PUT /api/connections/{}/cursors/{}",
            "GET /api/connections/{}/alerts", "PUT /api/connections/{}/alerts", "DELETE /api/connections/{}/alerts",
            "GET /api/connections/{}/alerts/deliveries",
            "POST /api/runs/{}/retry",
            "PUT /api/timesheets/{}",
            "PUT /api/timesheets/{}/lines/{}",
            "GET /api/commitments", "POST /api/commitments", "GET /api/commitments/{}",
            "GET /api/invoices", "POST /api/invoices", "GET /api/invoices/{}");

    /** {@code GET|PUT /api/…} (the path ends at a space, a back-quote or a query) or {@code POST …/suggestions}. */
    private static final Pattern CALL = Pattern.compile(
            "\\b((?:GET|POST|PUT|DELETE|PATCH)(?:\\|(?:GET|POST|PUT|DELETE|PATCH))*) (/api/[^\\s`?)]*|…/[^\\s`?)]+)");

    @LocalServerPort
    int port;
    @Autowired
    ObjectMapper json;

    private JsonNode document() {
        Response answer = new ApiClient(port, json).call("GET", "/v3/api-docs", ALICE);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.node();
    }

    @Test
    void everyCallOfTheContractIsDescribedAndEveryDescribedCallIsInTheContract() {
        Set<String> described = new TreeSet<>();
        document().path("paths").properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(
                method -> {
                    if (METHODS.contains(method)) {
                        described.add(method.toUpperCase() + " " + normalized(path.getKey()));
                    }
                }));
        assertThat(described).as("the OpenAPI document's calls").isNotEmpty();

        List<Path> contracts = new ArrayList<>(List.of(CONTRACT));
        if (Files.isRegularFile(SHARED_CONTRACT)) {
            contracts.add(SHARED_CONTRACT);
        }
        Set<String> named = new TreeSet<>();
        StringBuilder differences = new StringBuilder();
        for (Path contract : contracts) {
            Set<String> calls = calls(contract);
            assertThat(calls).as("calls named in " + contract).hasSizeGreaterThan(15);
            named.addAll(calls);
            Set<String> missing = new TreeSet<>();
            for (String call : calls) {
                if (described.stream().noneMatch(d -> covers(d, call))) {
                    missing.add(call);
                }
            }
            if (!missing.isEmpty()) {
                differences.append("\nnamed in ").append(contract).append(", not in the OpenAPI document: ")
                        .append(missing);
            }
        }
        Set<String> unknown = new TreeSet<>();
        for (String call : described) {
            if (!ADDITIONS.contains(call) && named.stream().noneMatch(n -> covers(call, n))) {
                unknown.add(call);
            }
        }
        if (!unknown.isEmpty()) {
            differences.append("\nin the OpenAPI document, not in ").append(CONTRACT)
                    .append(" nor among the known additions: ").append(unknown);
        }
        Set<String> stale = new TreeSet<>(ADDITIONS);
        stale.removeAll(described);
        if (!stale.isEmpty()) {
            differences.append("\nknown additions the OpenAPI document does not have: ").append(stale);
        }
        assertThat(differences.toString()).as("the OpenAPI document against the contract").isEmpty();
    }

    @Test
    void eachOperationSaysItsRolesAndItsProblemsAndTheMainBodiesHaveExamples() {
        JsonNode paths = document().path("paths");
        JsonNode create = paths.path("/api/connections").path("post");
        assertThat(create.path("tags").toString()).isEqualTo("[\"connections\"]");
        assertThat(create.path("description").asText()).contains("Roles: ADMIN, ENGINEER.");
        yaml(ADMIN);
        assertThat(document().path("paths").path("/api/connections").path("post").path("description").asText()
                .split("Roles:", -1)).as("said once, however often the document is read").hasSize(2);
        assertThat(create.path("x-roles").toString()).isEqualTo("[\"ADMIN\",\"ENGINEER\"]");
        assertThat(create.path("responses").path("403").path("content").has("application/problem+json")).isTrue();
        assertThat(create.path("responses").path("409").path("description").asText()).contains("taken");
        assertThat(create.path("responses").fieldNames()).toIterable()
                .as("a creation answers 201, its problems in the order of their status")
                .containsExactly("201", "400", "401", "403", "409");
        assertThat(paths.path("/api/connections/{id}/sync/{flow}").path("post").path("responses").fieldNames())
                .toIterable().contains("200", "202", "409", "422");
        assertThat(paths.path("/api/connections/{id}").path("delete").path("responses").fieldNames()).toIterable()
                .as("nothing in it can be a bad field").containsExactly("200", "204", "401", "403", "404");
        assertThat(create.path("requestBody").path("content").path("application/json").path("example")
                .path("erp").asText()).isEqualTo("avantage");

        JsonNode reject = paths.path("/api/approvals/{itemId}/reject").path("post");
        assertThat(reject.path("tags").toString()).isEqualTo("[\"approvals\"]");
        assertThat(reject.path("x-roles").toString()).isEqualTo("[\"ADMIN\",\"APPROVER\"]");
        assertThat(reject.path("responses").fieldNames()).toIterable().contains("401", "403", "404", "409");
        assertThat(reject.path("requestBody").path("content").path("application/json").path("example")
                .path("reason").asText()).isNotBlank();

        JsonNode runs = paths.path("/api/runs").path("get");
        assertThat(runs.path("description").asText()).contains("Roles: ADMIN, ENGINEER, APPROVER, VIEWER.");
        assertThat(runs.path("responses").path("403").path("content").path("application/problem+json")
                .path("schema").path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
        assertThat(document().path("components").path("schemas").path("Problem").path("properties").fieldNames())
                .toIterable().contains("type", "title", "status", "detail", "errors");

        JsonNode maps = paths.path("/api/connections/{id}/maps/{kind}").path("put");
        assertThat(maps.path("tags").toString()).isEqualTo("[\"code maps\"]");
        assertThat(maps.path("responses").has("422")).isTrue();
        assertThat(paths.path("/api/timesheets").path("post").path("requestBody").path("content")
                .path("application/json").path("example").path("lines").isArray()).isTrue();

        List<String> untagged = new ArrayList<>();
        paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (METHODS.contains(operation.getKey())) {
                String tag = operation.getValue().path("tags").path(0).asText();
                if (tag.isEmpty() || tag.equals("other") || !operation.getValue().has("x-roles")) {
                    untagged.add(operation.getKey() + " " + path.getKey());
                }
            }
        }));
        assertThat(untagged).as("operations without a capability's tag or their roles").isEmpty();
    }

    @Test
    void theDocumentDescribesOnlyTheApiNamesPasserelleAndItsVersionAndOffersABearerToken() {
        JsonNode document = document();
        assertThat(document.path("info").path("title").asText()).isEqualTo("Passerelle");
        assertThat(document.path("info").path("version").asText()).isNotBlank();
        assertThat(document.path("components").path("securitySchemes").path("bearer").path("scheme").asText())
                .isEqualTo("bearer");
        List<String> others = new ArrayList<>();
        document.path("paths").fieldNames().forEachRemaining(path -> {
            if (!path.startsWith("/api/")) {
                others.add(path);
            }
        });
        assertThat(others).as("the console's pages, the sign-in, /error and the actuator are not the API").isEmpty();
    }

    @Test
    void theDocumentNeedsAToken() {
        ApiClient api = new ApiClient(port, json);
        Response none = api.call("GET", "/v3/api-docs", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("Content-Type")).startsWith("application/problem+json");
        assertThat(none.node().path("status").asInt()).isEqualTo(401);

        assertThat(api.call("GET", "/v3/api-docs", "not-a-token").status()).isEqualTo(401);
        HttpResponse<String> yaml = yaml(ADMIN);
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.body()).contains("openapi: 3").contains("title: Passerelle");
        assertThat(yaml(null).statusCode()).isEqualTo(401);
        assertThat(api.call("POST", "/v3/api-docs", ADMIN, "{}").status()).isEqualTo(403);
    }

    @Test
    void theContractIsReadAsItIsWritten() {
        Set<String> calls = calls(CONTRACT);
        assertThat(calls).contains("GET /api/connections", "GET /api/connections/{}", "DELETE /api/connections/{}",
                "POST /api/connections/{}/maps/projects/suggestions", "POST /api/connections/{}/unlink",
                "POST /api/approvals/{}/reject", "GET /api/import-jobs/{}/runs/{}",
                "POST /api/connections/{}/sync/companies");
        assertThat(calls).noneMatch(call -> call.contains("…") || call.contains("organization"));
    }

    private HttpResponse<String> yaml(String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                + "/v3/api-docs.yaml")).header("Accept", "application/vnd.oai.openapi, */*").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The calls a contract names, {@code METHOD /path} with each {@code {param}} as {@code {}}. */
    static Set<String> calls(Path contract) {
        String text;
        try {
            text = Files.readString(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> calls = new TreeSet<>();
        List<String> seen = new ArrayList<>();
        Matcher call = CALL.matcher(text);
        while (call.find()) {
            String path = call.group(2).replaceAll("[.,;:]+$", "");
            if (path.startsWith("…/")) {
                // "POST …/suggestions": the last full path named before it that ends so
                String tail = path.substring(1);
                path = null;
                for (int i = seen.size() - 1; i >= 0 && path == null; i--) {
                    path = seen.get(i).endsWith(tail) ? seen.get(i) : null;
                }
                if (path == null) {
                    continue;
                }
            } else {
                seen.add(path);
            }
            for (String method : call.group(1).split("\\|")) {
                calls.add(method + " " + normalized(path));
            }
        }
        return calls;
    }

    static String normalized(String path) {
        return path.replaceAll("\\{[^}]*}", "{}").replaceAll("<[^>]*>", "{}");
    }

    /** Whether a described call ({@code {}} for a parameter) is the contract's call (which may name a value there). */
    static boolean covers(String described, String named) {
        String[] d = described.split("[ /]");
        String[] n = named.split("[ /]");
        if (d.length != n.length) {
            return false;
        }
        for (int i = 0; i < d.length; i++) {
            if (!d[i].equals(n[i]) && !d[i].equals("{}")) {
                return false;
            }
        }
        return true;
    }
}
