package io.passerelle.api.docs;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.api.security.ApiRoles;
import io.passerelle.api.security.Role;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API described: springdoc reads the controllers (the paths, parameters and bodies, see {@code springdoc.*} in
 * application.yaml, which keeps it to {@code /api/**}); this adds what the controllers do not say. Each operation gets
 * its capability's tag ({@link Capabilities}), the roles that may call it as the API's chain decides them
 * ({@link ApiRoles}, the table that chain enforces: written once), the problem answers it may give
 * ({@link ProblemAnswers}) and, for the main request bodies, an example ({@link Examples}).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    /** The security scheme's name: Swagger UI's Authorize dialog asks for its token. */
    static final String BEARER = "bearer";
    /** The extension that carries an operation's roles as a list, for tools (its description says them in words). */
    static final String ROLES_EXTENSION = "x-roles";

    private static final String DESCRIPTION = """
            Passerelle's management API: connections to ERPs, their syncs and exports, the runs they make, the \
            records they wrote, approvals of financial writes, timesheets, companies and import jobs.

            **Access.** Every call needs `Authorization: Bearer <token>` (401 without a valid one). A token has a \
            role: `ADMIN` (everything), `ENGINEER` (connections, mappings, runs; no approvals), `APPROVER` \
            (approvals, for the kinds its capabilities name: `COMMITMENTS`, `INVOICES`, `TIMESHEETS`), `VIEWER` \
            (read only). Each operation says the roles that may call it (403 for the others). Unless a connection \
            allows others to edit it, only its owner and ADMINs may change or delete it, or see its companies and \
            their data.

            **Errors.** Problem details (RFC 9457, `application/problem+json`): `type`, `title`, `status`, \
            `detail` and `errors`, each naming a `field` and saying what is wrong with it. 400 bad or missing \
            fields, 404 an unknown id, 409 a conflict (an id taken, a run of that flow already going), 422 a \
            request that is well-formed but cannot be done. Never a stack trace, never a secret.""";

    @Bean
    OpenAPI passerelleApi(ObjectProvider<BuildProperties> build) {
        BuildProperties properties = build.getIfAvailable();
        String version = properties != null ? properties.getVersion() : "development";
        return new OpenAPI()
                .info(new Info().title("Passerelle").version(version).description(DESCRIPTION))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer")
                        .description("An API token, as configured in passerelle.security.tokens (or "
                                + "PASSERELLE_ADMIN_TOKEN)")))
                // where "Try it out" sends its calls: this server, whatever name or proxy it is reached by
                .servers(List.of(new Server().url("/").description("this Passerelle")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .tags(Capabilities.tags());
    }

    /** What every operation is given, in one pass over the document once springdoc has read the controllers. */
    @Bean
    OpenApiCustomizer passerelleOperations(Examples examples) {
        return openApi -> {
            if (openApi.getPaths() == null) {
                return;
            }
            // here rather than in the bean: springdoc drops the schemas no operation refers to before this runs
            openApi.getComponents().addSchemas(ProblemAnswers.SCHEMA, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                operation.setTags(List.of(Capabilities.of(path)));
                describeRoles(method, path, operation);
                ProblemAnswers.add(method, path, operation);
                examples.add(method, path, operation);
            }));
        };
    }

    @Bean
    Examples examples(ObjectMapper json) {
        return new Examples(json);
    }

    private static void describeRoles(PathItem.HttpMethod method, String path, Operation operation) {
        Set<Role> roles = ApiRoles.rolesFor(method.name(), path);
        List<String> names = roles.stream().map(Role::name).toList();
        String said = "Roles: " + String.join(", ", names) + ".";
        if (roles.contains(Role.APPROVER) && path.startsWith("/api/approvals/")) {
            said += " An APPROVER only for the kinds its capabilities name.";
        }
        String before = operation.getDescription();
        operation.setDescription(before == null || before.isBlank() ? said : before + "\n\n" + said);
        operation.addExtension(ROLES_EXTENSION, names);
    }

    private static Schema<?> problemSchema() {
        Schema<?> field = new ObjectSchema()
                .addProperty("field", new StringSchema().description("the field at fault, e.g. `entries[0].erpCode`"))
                .addProperty("message", new StringSchema());
        return new ObjectSchema().description("RFC 9457 problem details")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(field));
    }

    /** The problem answers of an operation: the common ones, and those its path is known to give. */
    static final class ProblemAnswers {

        static final String SCHEMA = "Problem";
        static final String PROBLEM_JSON = "application/problem+json";

        /** Conflicts and undoable requests per operation ({@code METHOD path}), as the API's handlers answer them. */
        private static final Map<String, Map<String, String>> SPECIFIC = Map.ofEntries(
                Map.entry("POST /api/connections", Map.of("409", "the id is taken, or an archived connection "
                        + "of this id belongs to another ERP or company")),
                Map.entry("POST /api/connections/{id}/sync/{flow}", Map.of(
                        "409", "a run of this flow is going, the connection is unlinked, or another connection "
                                + "is importing one of its companies",
                        "422", "no company is selected, the project is not synced, or the ERP cannot do this")),
                Map.entry("POST /api/connections/{id}/export/{flow}", Map.of(
                        "409", "a run of this flow is going, or the connection is unlinked",
                        "422", "the ERP cannot do this")),
                Map.entry("POST /api/connections/{id}/link", Map.of("409", "this ERP has no link")),
                Map.entry("POST /api/connections/{id}/unlink", Map.of("409", "this ERP has no link")),
                Map.entry("PUT /api/connections/{id}/maps/{kind}", Map.of("422", "an entry names an unknown code")),
                Map.entry("POST /api/import-jobs/{id}/run", Map.of(
                        "409", "one of its flows or companies is being imported",
                        "422", "none of its companies is selected")),
                Map.entry("POST /api/runs/{runId}/retry", Map.of(
                        "409", "a run of the flow is going", "422", "the run has nothing to retry")),
                Map.entry("DELETE /api/companies/{id}/relations/{relationId}",
                        Map.of("409", "the relation is imported: change it in the ERP")),
                Map.entry("POST /api/approvals/{itemId}/accept", Map.of("409", "the item is not READY")),
                Map.entry("POST /api/approvals/{itemId}/reject", Map.of("409", "the item is not READY")),
                Map.entry("PUT /api/timesheets/{id}", Map.of("409", "the timesheet is FROZEN")),
                Map.entry("PUT /api/timesheets/{id}/status", Map.of("409", "the timesheet is FROZEN")),
                Map.entry("PUT /api/timesheets/{id}/lines/{lineId}", Map.of("409", "the timesheet is FROZEN")));

        private ProblemAnswers() {
        }

        /**
         * Answers other than springdoc's 200 (it reads a {@code ResponseEntity} as a 200 of its body), as the
         * controllers give them: 201 and a Location for a creation, 202 for a run started, 204 for what is gone.
         */
        private static final Map<String, Map<String, String>> SUCCESS = Map.ofEntries(
                Map.entry("POST /api/connections", Map.of("201", "created, at its Location")),
                Map.entry("DELETE /api/connections/{id}", Map.of(
                        "204", "gone: it had no history", "200", "archived, with what was kept: it had a history")),
                Map.entry("POST /api/connections/{id}/sync/{flow}", Map.of(
                        "202", "started: `{\"runId\"}` (and a Location)", "200", "with `?wait=true`: the finished run")),
                Map.entry("POST /api/connections/{id}/export/{flow}", Map.of(
                        "202", "started: `{\"runId\"}` (and a Location)", "200", "with `?wait=true`: the finished run")),
                Map.entry("POST /api/runs/{runId}/retry", Map.of(
                        "202", "started: `{\"runId\", \"retryOf\"}`", "200", "with `?wait=true`: the finished run")),
                Map.entry("POST /api/import-jobs", Map.of("201", "created, at its Location")),
                Map.entry("DELETE /api/import-jobs/{id}", Map.of("204", "gone")),
                Map.entry("POST /api/import-jobs/{id}/run", Map.of(
                        "202", "started: `{\"importRunId\", \"runIds\"}`", "200", "with `?wait=true`: the finished run")),
                Map.entry("POST /api/timesheets", Map.of("201", "created, at its Location")),
                Map.entry("POST /api/commitments", Map.of("201", "created, at its Location")),
                Map.entry("POST /api/invoices", Map.of("201", "created, at its Location")),
                Map.entry("POST /api/companies/{id}/relations", Map.of("201", "created, at its Location")),
                Map.entry("DELETE /api/companies/{id}/relations/{relationId}", Map.of("204", "gone")));

        static void add(PathItem.HttpMethod method, String path, Operation operation) {
            ApiResponses generated = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            String call = method.name() + " " + path;
            Map<String, ApiResponse> answers = new TreeMap<>();
            Map<String, String> success = SUCCESS.get(call);
            ApiResponse ok = generated.get("200");
            generated.forEach((status, answer) -> {
                if (success == null || !status.equals("200")) {
                    answers.put(status, answer);
                }
            });
            if (success != null) {
                success.forEach((status, description) -> answers.put(status, status.equals("204")
                        ? new ApiResponse().description(description)
                        : new ApiResponse().description(description).content(ok == null ? null : ok.getContent())));
            }
            if (takesInput(operation)) {
                problem(answers, "400", "a field or parameter is missing or bad: each named in `errors`");
            }
            problem(answers, "401", "no valid bearer token");
            problem(answers, "403", "the token's role may not make this call" + (path.startsWith("/api/connections/")
                    ? ", or the connection is another's (see its owner and allowOthersToEdit)" : ""));
            if (path.contains("{")) {
                problem(answers, "404", "an unknown id");
            }
            SPECIFIC.getOrDefault(call, Map.of()).forEach((status, description) -> problem(answers, status, description));
            ApiResponses responses = new ApiResponses();
            answers.forEach(responses::addApiResponse); // in the order of their status
            operation.setResponses(responses);
        }

        /** A body, a query parameter or a path parameter that is not any text: something that can be bad. */
        private static boolean takesInput(Operation operation) {
            return operation.getRequestBody() != null || (operation.getParameters() != null && operation.getParameters()
                    .stream().anyMatch(p -> !"path".equals(p.getIn()) || p.getSchema() == null
                            || !"string".equals(p.getSchema().getType()) && !hasType(p.getSchema(), "string")));
        }

        private static boolean hasType(Schema<?> schema, String type) {
            return schema.getTypes() != null && schema.getTypes().equals(Set.of(type));
        }

        private static void problem(Map<String, ApiResponse> responses, String status, String description) {
            if (!responses.containsKey(status)) {
                responses.put(status, new ApiResponse().description(description).content(new Content()
                        .addMediaType(PROBLEM_JSON, new MediaType().schema(
                                new Schema<>().$ref("#/components/schemas/" + SCHEMA)))));
            }
        }
    }

    /**
     * The capabilities, each a tag, and which paths are whose: the first prefix that matches (so the paths under a
     * connection that belong to another capability come before {@code /api/connections}).
     */
    static final class Capabilities {

        private record Capability(String tag, String description, List<String> prefixes) {
        }

        private static final List<Capability> ALL = List.of(
                new Capability("sync", "Syncing a connection's flows, and the cursors where the next run starts",
                        List.of("/api/connections/{id}/sync", "/api/connections/{id}/cursors")),
                new Capability("exports", "Sending the platform's writes to the ERP",
                        List.of("/api/connections/{id}/export")),
                new Capability("code maps", "Code maps and project links of a connection",
                        List.of("/api/connections/{id}/maps")),
                new Capability("companies", "The platform's companies, the ones a connection reaches, relations "
                        + "and checks", List.of("/api/companies", "/api/connections/{id}/companies")),
                new Capability("records", "What a sync wrote", List.of("/api/connections/{id}/records")),
                new Capability("alerts", "A connection's webhook for its flows' failures, staleness and recoveries",
                        List.of("/api/connections/{id}/alerts")),
                new Capability("connections", "Connections to ERPs: create, change, test, link",
                        List.of("/api/connections")),
                new Capability("runs", "The runs syncs and exports made, their errors, retries",
                        List.of("/api/runs")),
                new Capability("approvals", "Financial writes waiting for, or given, an approval",
                        List.of("/api/approvals")),
                new Capability("timesheets", "Timesheets written by the platform, exported by Passerelle",
                        List.of("/api/timesheets")),
                new Capability("commitments and invoices", "Financial documents written by the platform",
                        List.of("/api/commitments", "/api/invoices")),
                new Capability("import jobs", "Named imports of a connection's companies and flows, by hand or on "
                        + "a schedule", List.of("/api/import-jobs")),
                new Capability("catalogue", "The ERPs Passerelle knows, their options and flows, and the route "
                        + "files", List.of("/api/erps", "/api/routes")));

        private Capabilities() {
        }

        static String of(String path) {
            return ALL.stream()
                    .filter(c -> c.prefixes().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/")))
                    .map(Capability::tag).findFirst().orElse("other");
        }

        /** The tags in the order a reader meets the API: connections first, then what they do. */
        static List<Tag> tags() {
            List<String> order = List.of("connections", "alerts", "sync", "runs", "records", "exports", "code maps",
                    "companies", "import jobs", "timesheets", "commitments and invoices", "approvals", "catalogue");
            return ALL.stream().sorted(Comparator.comparingInt(c -> order.indexOf(c.tag())))
                    .map(c -> new Tag().name(c.tag()).description(c.description())).collect(Collectors.toList());
        }
    }
}
