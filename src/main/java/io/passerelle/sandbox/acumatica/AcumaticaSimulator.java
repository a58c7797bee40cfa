package io.passerelle.sandbox.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Answer;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.HttpSimulator;
import io.passerelle.sandbox.kit.Query;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.Router;
import io.passerelle.sandbox.kit.Sessions;
import io.passerelle.sandbox.kit.SimulatorJson;
import io.passerelle.sandbox.kit.TokenEndpoint;
import io.passerelle.sandbox.kit.TopSkipPaging;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process Acumatica Cloud ERP tenant (erp-api-facts.md §1): a real HTTP server on 127.0.0.1 serving
 * the contract-based REST API of endpoint {@code Default/24.200.001} for the construction entities, cookie
 * login/logout with a licence-slot limit, OAuth2 password and refresh grants, and test hooks to change data
 * and to misbehave ({@link #faults()}). Built on the sandbox kit: this class holds Acumatica's handlers.
 *
 * <pre>{@code
 * try (AcumaticaSimulator sim = new AcumaticaSimulator(AcumaticaSimulatorProperties.defaults()).start()) {
 *     POST sim.url() + "/entity/auth/login" ...
 * }
 * }</pre>
 */
public final class AcumaticaSimulator extends HttpSimulator {

    public static final String ENDPOINT_NAME = "Default";
    public static final String ENDPOINT_VERSION = "24.200.001";
    public static final String ENDPOINT_PATH = "/entity/" + ENDPOINT_NAME + "/" + ENDPOINT_VERSION + "/";
    static final String BUILD_VERSION = "24.211.0012";
    private static final Set<String> QUERY_OPTIONS = Set.of("$top", "$skip", "$filter", "$expand", "$select",
            "$custom");
    private static final Set<String> OAUTH_SCOPES = Set.of("api", "offline_access", "api:concurrent_access");
    private static final TopSkipPaging PAGING = new TopSkipPaging((name, value, rule) -> AcumaticaErrors.badQuery(
            "The value of " + name + " " + rule + ", not '" + value + "'."));

    private final AcumaticaSimulatorProperties properties;
    private final AcumaticaDataset dataset;
    private final Sessions sessions;
    private final Faults faults = new Faults();
    private final AcumaticaCounters counters = new AcumaticaCounters();

    public AcumaticaSimulator(AcumaticaSimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: session idle expiry, token expiry and stamps follow it. */
    public AcumaticaSimulator(AcumaticaSimulatorProperties properties, Clock clock) {
        super(Objects.requireNonNull(properties, "properties").port(),
                new Sessions(clock, properties.sessionTimeout(), properties.tokenTtl()));
        this.properties = Objects.requireNonNull(properties, "properties");
        this.dataset = new AcumaticaDataset(properties.seed(), clock);
        this.sessions = sessions();
        TokenEndpoint token = TokenEndpoint.builder(sessions)
                .client((id, secret) -> properties.clientId().equalsIgnoreCase(id)
                        && properties.clientSecret().equals(secret))
                .slots(this::loginLimit)
                .passwordGrant((user, password) -> properties.user().equalsIgnoreCase(user)
                                && properties.password().equals(password),
                        AcumaticaSimulator::grantScope, scope -> scopes(scope).contains("offline_access"))
                .refreshGrant()
                .errors(TokenEndpoint.rfc6749(400))
                .limitReached(limit -> {
                    counters.event(AcumaticaCounters.LOGIN_LIMIT);
                    return TokenEndpoint.rfc6749(400).answer(TokenEndpoint.Error.INVALID_GRANT, loginLimitMessage(limit));
                })
                .counters(counters)
                .build();
        Router router = new Router("Acumatica", new AcumaticaErrors(), counters, faults)
                .route("POST", "/entity/auth/login", AcumaticaCounters.LOGIN, this::login)
                .route("POST", "/entity/auth/logout", AcumaticaCounters.LOGOUT, this::logout)
                .route("POST", "/identity/connect/token", AcumaticaCounters.TOKEN, token)
                .route("GET", "/entity", "entity", request -> Answer.json(200, root()))
                .route("GET", "/entity/", "entity", request -> Answer.json(200, root()))
                .route(Router.ANY_METHOD, "/entity/{endpoint}/{version}/{entity}/{keys...}",
                        request -> servesEndpoint(request) ? request.param("entity")
                                : request.param("endpoint") + "/" + request.param("version"),
                        this::entity);
        serve(router);
    }

    /** Binds and starts serving. Returns this, for {@code new AcumaticaSimulator(p).start()}. */
    public AcumaticaSimulator start() {
        bind();
        return this;
    }



    public AcumaticaSimulatorProperties properties() {
        return properties;
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    public AcumaticaDataset dataset() {
        return dataset;
    }

    public Faults faults() {
        return faults;
    }

    public AcumaticaCounters counters() {
        return counters;
    }

    /** Shortcut for {@code counters().requests(method, entity)}. */
    public long requests(String method, String entity) {
        return counters.requests(method, entity);
    }

    /** Signed-in sessions (cookie or token) holding a licence slot now. */
    public int openSessions() {
        return sessions.open();
    }

    /** Ends every session, as an application-pool recycle does; clients must sign in again. */
    public void closeAllSessions() {
        sessions.closeAll();
    }

    public List<ObjectNode> documents(EntityType type) {
        return dataset.documents(type);
    }

    public List<String> touch(EntityType type, int n) {
        return dataset.touch(type, n);
    }

    /** Clears faults and counters; data and sessions stay as they are. */
    public void reset() {
        faults.reset();
        counters.reset();
    }

    // ---- authentication -------------------------------------------------------------------------------

    private Answer login(Request request) {
        JsonNode body = request.json();
        String name = body.path("name").asText(null);
        String password = body.path("password").asText(null);
        String tenant = body.hasNonNull("tenant") ? body.get("tenant").asText() : body.path("company").asText(null);
        boolean tenantOk = tenant == null || tenant.isEmpty() || tenant.equalsIgnoreCase(properties.tenant());
        if (!properties.user().equalsIgnoreCase(String.valueOf(name)) || !properties.password().equals(password)
                || !tenantOk) {
            throw new ErrorAnswer(500, AcumaticaErrors.body("An error has occurred.",
                    "Invalid credentials. Please try again.", "PX.Data.PXException"));
        }
        String branch = body.path("branch").asText(null);
        if (branch != null && !branch.isEmpty() && !branch.equalsIgnoreCase("LAURENT")) {
            throw new ErrorAnswer(500, AcumaticaErrors.body("An error has occurred.",
                    "You are not allowed to sign in to the branch '" + branch + "'.", "PX.Data.PXException"));
        }
        Sessions.Session s;
        try {
            s = sessions.openCookieSession(loginLimit());
        } catch (Sessions.LimitReached e) {
            counters.event(AcumaticaCounters.LOGIN_LIMIT);
            throw new ErrorAnswer(faults.effectiveLoginLimitStatus(properties.loginLimitStatus()),
                    AcumaticaErrors.body("An error has occurred.", loginLimitMessage(loginLimit()),
                            "PX.Data.PXException"));
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Set-Cookie", List.of(
                "ASP.NET_SessionId=" + s.id() + "; path=/; HttpOnly; SameSite=Lax",
                ".ASPXAUTH=" + s.ticket() + "; path=/; HttpOnly",
                "UserBranch=1; path=/",
                "Locale=TimeZone=GMTM0500G&Culture=en-US; path=/"));
        return Answer.empty(204, headers);
    }

    private int loginLimit() {
        return faults.effectiveLoginLimit(properties.loginLimit());
    }

    private static String loginLimitMessage(int limit) {
        return "API Login Limit: the number of concurrent API sessions allowed by the license (" + limit
                + ") has been reached.";
    }

    /** The scope asked for, trimmed, if it holds {@code api} and nothing Acumatica does not know; else refused. */
    private static String grantScope(String requested) {
        Set<String> scopes = scopes(requested);
        return scopes.contains("api") && OAUTH_SCOPES.containsAll(scopes) ? requested.trim() : null;
    }

    private static Set<String> scopes(String scope) {
        return Set.of(scope.trim().split("\\s+"));
    }

    private Answer logout(Request request) {
        Sessions.Session s = session(request);
        if (s != null) {
            sessions.close(s);
        }
        // logging out without a session is harmless in Acumatica: 204 either way, the cookies are cleared
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Set-Cookie", List.of(
                ".ASPXAUTH=; expires=Mon, 11-Oct-1999 00:00:00 GMT; path=/; HttpOnly",
                "ASP.NET_SessionId=; expires=Mon, 11-Oct-1999 00:00:00 GMT; path=/; HttpOnly"));
        return Answer.empty(204, headers);
    }

    /** The caller's live session; a session that the expiry fault ends is refused like an expired one. */
    private void authenticate(Request request) {
        Sessions.Session s = session(request);
        if (s != null && faults.takeTokenExpiry()) {
            sessions.close(s);
            s = null;
        }
        if (s == null) {
            ObjectNode body = SimulatorJson.HTTP.createObjectNode();
            body.put("message", "Authorization has been denied for this request.");
            throw new ErrorAnswer(401, body);
        }
    }

    private Sessions.Session session(Request request) {
        String token = request.bearerToken();
        if (token != null) {
            return sessions.byAccessToken(token);
        }
        Map<String, String> cookies = request.cookies();
        return sessions.byCookies(cookies.get("ASP.NET_SessionId"), cookies.get(".ASPXAUTH"));
    }

    // ---- entities -------------------------------------------------------------------------------------

    private static ObjectNode root() {
        ObjectNode root = SimulatorJson.HTTP.createObjectNode();
        ObjectNode version = root.putObject("version");
        version.put("acumaticaBuildVersion", BUILD_VERSION);
        version.put("oemBuildVersion", BUILD_VERSION);
        version.put("databaseVersion", BUILD_VERSION);
        ArrayNode endpoints = root.putArray("endpoints");
        ObjectNode ep = endpoints.addObject();
        ep.put("name", ENDPOINT_NAME);
        ep.put("version", ENDPOINT_VERSION);
        ep.put("href", ENDPOINT_PATH);
        return root;
    }

    private static boolean servesEndpoint(Request request) {
        return request.param("endpoint").equalsIgnoreCase(ENDPOINT_NAME)
                && request.param("version").equals(ENDPOINT_VERSION);
    }

    private Answer entity(Request request) {
        if (!servesEndpoint(request)) {
            String endpoint = request.param("endpoint") + "/" + request.param("version");
            throw new ErrorAnswer(404, AcumaticaErrors.body("The requested resource does not exist.",
                    "No endpoint " + endpoint + " on this instance; it serves " + ENDPOINT_NAME + "/"
                            + ENDPOINT_VERSION + ".", "PX.Api.ContractBased.EndpointNotFound"));
        }
        String entityName = request.param("entity");
        authenticate(request);
        Duration retryAfter = faults.takeTooManyRequests();
        if (retryAfter != null) {
            counters.event(AcumaticaCounters.TOO_MANY_REQUESTS);
            throw new ErrorAnswer(429, AcumaticaErrors.body("Too many requests.",
                    "The number of requests per minute allowed by the license has been exceeded.",
                    "PX.Data.PXException"), Map.of("Retry-After", Faults.retryAfterSeconds(retryAfter)));
        }
        EntityType type = EntityType.byName(entityName).orElseThrow(() -> new ErrorAnswer(404,
                AcumaticaErrors.body("The requested resource does not exist.", "The entity '" + entityName
                        + "' is not served by the simulator's endpoint " + ENDPOINT_NAME + "/" + ENDPOINT_VERSION
                        + ".", "PX.Api.ContractBased.EntityNotFound")));
        List<String> keys = new ArrayList<>();
        for (String segment : request.rest()) {
            keys.addAll(Arrays.asList(segment.split("\\|")));
        }
        Query query = options(request.query());
        return switch (request.method()) {
            case "GET" -> keys.isEmpty() ? list(type, query) : single(type, keys, query);
            case "PUT" -> {
                if (!keys.isEmpty()) {
                    throw AcumaticaErrors.notSupported("PUT to a record's keys (file attachments) is not simulated.");
                }
                yield put(request, type, query);
            }
            case "POST" -> throw new ErrorAnswer(406, AcumaticaErrors.body("Not acceptable.",
                    "POST does not create records; use PUT. Actions are not simulated.",
                    "PX.Api.ContractBased.NotAcceptable"));
            default -> throw AcumaticaErrors.notSupported(request.method() + " is not simulated.");
        };
    }

    /** Refuses the query options the contract-based API does not know, and any given twice. */
    private static Query options(Query query) {
        Set<String> seen = new HashSet<>();
        for (Query.Parameter p : query.parameters()) {
            if (p.name().startsWith("$") && !QUERY_OPTIONS.contains(p.name())) {
                throw AcumaticaErrors.badQuery("The query option " + p.name() + " is not supported (the contract-based"
                        + " API knows $select, $filter, $expand, $custom, $skip and $top).");
            }
            if (!seen.add(p.name())) {
                throw AcumaticaErrors.badQuery("The query option " + p.name() + " is given twice.");
            }
        }
        return query;
    }

    private Answer list(EntityType type, Query query) {
        Set<String> expand = expand(type, query);
        ODataQuery filter = ODataQuery.parse(query.get("$filter"));
        for (ODataQuery.Condition c : filter.conditions()) {
            if (!dataset.knowsField(type, c.field()) || type.expandables.contains(c.field())) {
                throw AcumaticaErrors.badQuery("The field '" + c.field() + "' cannot be used in $filter of entity '"
                        + type.name() + "' (unknown, or a detail/linked entity, which the API cannot filter on).");
            }
        }
        List<ObjectNode> page = PAGING.page(dataset.list(type, filter), query);
        ArrayNode out = SimulatorJson.HTTP.createArrayNode();
        for (ObjectNode record : page) {
            out.add(render(type, record, expand, out.size() + 1));
        }
        return Answer.json(200, out);
    }

    private Answer single(EntityType type, List<String> keys, Query query) {
        Set<String> expand = expand(type, query);
        if (query.has("$filter") || query.has("$top") || query.has("$skip")) {
            throw AcumaticaErrors.badQuery("$filter, $top and $skip apply to lists, not to a record retrieved by keys.");
        }
        ObjectNode r = dataset.byKeys(type, keys).orElseThrow(() -> AcumaticaErrors.noEntity("No " + type.name()
                + " with keys " + String.join("/", keys) + "."));
        return Answer.json(200, render(type, r, expand, 1));
    }

    private Answer put(Request request, EntityType type, Query query) {
        if (!type.writable()) {
            throw AcumaticaErrors.notSupported("The simulator serves " + type.name() + " read-only.");
        }
        if (query.has("$filter") || query.has("$top") || query.has("$skip")) {
            throw AcumaticaErrors.badQuery("The simulator locates a PUT's record by its key fields or id only;"
                    + " $filter, $top and $skip are not supported on PUT.");
        }
        Set<String> expand = expand(type, query);
        JsonNode body = request.json();
        if (!body.isObject()) {
            throw AcumaticaErrors.invalidEntity("The body must be one entity object.");
        }
        counters.received(type.name(), body);
        AcumaticaDataset.Mode mode = "*".equals(trim(request.header("If-None-Match"))) ? AcumaticaDataset.Mode.INSERT
                : "*".equals(trim(request.header("If-Match"))) ? AcumaticaDataset.Mode.UPDATE
                : AcumaticaDataset.Mode.UPSERT;
        AcumaticaDataset.Saved saved;
        try {
            saved = dataset.put(type, (ObjectNode) body, mode);
        } catch (ErrorAnswer e) {
            if (e.status() == 422) {
                // the echo keeps its lines, so that row errors can be seen
                throw new ErrorAnswer(422, render(type, (ObjectNode) e.body(), type.expandables, 1));
            }
            throw e;
        }
        if (faults.takeCutAfterWrite()) {
            return Answer.cutConnection();
        }
        if (faults.takeGatewayTimeoutAfterWrite()) {
            return Answer.loadBalancerPage(504);
        }
        return Answer.json(200, render(type, saved.record(), expand, 1));
    }

    /** The answer form: row numbers, links, and only the linked/detail entities asked for. */
    private static ObjectNode render(EntityType type, ObjectNode stored, Set<String> expand, int rowNumber) {
        ObjectNode r = stored.deepCopy();
        for (String e : type.expandables) {
            if (!expand.contains(e)) {
                r.remove(e);
            }
        }
        JsonNode details = r.get("Details");
        if (details != null && details.isArray()) {
            int n = 0;
            for (JsonNode line : details) {
                ObjectNode l = (ObjectNode) line;
                l.put("rowNumber", ++n);
                l.putObject("_links").put("files:put", ENDPOINT_PATH + "files/" + type.graph + "/Transactions/"
                        + l.path("id").asText() + "/{filename}");
            }
        }
        r.put("rowNumber", rowNumber);
        ObjectNode links = r.putObject("_links");
        links.put("self", ENDPOINT_PATH + type.name() + "/" + r.path("id").asText());
        links.put("files:put", ENDPOINT_PATH + "files/" + type.graph + "/" + type.primaryView + "/"
                + r.path("id").asText() + "/{filename}");
        return r;
    }

    private static Set<String> expand(EntityType type, Query query) {
        String expand = query.get("$expand");
        if (expand == null || expand.isBlank()) {
            return Set.of();
        }
        Set<String> out = new HashSet<>();
        for (String part : expand.split(",")) {
            String name = part.trim();
            if (!type.expandables.contains(name)) {
                throw AcumaticaErrors.badQuery("The entity '" + type.name() + "' has no detail or linked entity '"
                        + name + "' in the simulator; it can expand " + type.expandables + ".");
            }
            out.add(name);
        }
        return out;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
