package io.passerelle.sandbox.acumatica;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process Acumatica Cloud ERP tenant (erp-api-facts.md §1): a real HTTP server on 127.0.0.1 serving
 * the contract-based REST API of endpoint {@code Default/24.200.001} for the construction entities, cookie
 * login/logout with a licence-slot limit, OAuth2 password and refresh grants, and test hooks to change data
 * and to misbehave ({@link #faults()}).
 *
 * <pre>{@code
 * try (AcumaticaSimulator sim = new AcumaticaSimulator(AcumaticaSimulatorProperties.defaults()).start()) {
 *     POST sim.url() + "/entity/auth/login" ...
 * }
 * }</pre>
 */
public final class AcumaticaSimulator implements AutoCloseable {

    public static final String HOST = "127.0.0.1";
    public static final String ENDPOINT_NAME = "Default";
    public static final String ENDPOINT_VERSION = "24.200.001";
    public static final String ENDPOINT_PATH = "/entity/" + ENDPOINT_NAME + "/" + ENDPOINT_VERSION + "/";
    static final String BUILD_VERSION = "24.211.0012";
    private static final Set<String> QUERY_OPTIONS = Set.of("$top", "$skip", "$filter", "$expand", "$select",
            "$custom");
    private static final Logger log = LoggerFactory.getLogger(AcumaticaSimulator.class);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private final AcumaticaSimulatorProperties properties;
    private final AcumaticaDataset dataset;
    private final Sessions sessions;
    private final Faults faults = new Faults();
    private final AcumaticaCounters counters = new AcumaticaCounters();

    private HttpServer server;
    private ExecutorService workers;
    private ScheduledExecutorService delayer;
    private volatile int boundPort = -1;

    public AcumaticaSimulator(AcumaticaSimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: session idle expiry, token expiry and stamps follow it. */
    public AcumaticaSimulator(AcumaticaSimulatorProperties properties, Clock clock) {
        this.properties = Objects.requireNonNull(properties, "properties");
        this.dataset = new AcumaticaDataset(properties.seed(), clock);
        this.sessions = new Sessions(clock, properties.sessionTimeout(), properties.tokenTtl());
    }

    /** Binds and starts serving. Returns this, for {@code new AcumaticaSimulator(p).start()}. */
    public synchronized AcumaticaSimulator start() {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, properties.port()), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the Acumatica simulator to " + HOST + ":" + properties.port(), e);
        }
        workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()),
                daemon("acumatica-sim-worker"));
        delayer = Executors.newSingleThreadScheduledExecutor(daemon("acumatica-sim-delay"));
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        boundPort = server.getAddress().getPort();
        return this;
    }

    /** Stops listening and ends the sessions. Idempotent. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.stop(0);
        workers.shutdownNow();
        delayer.shutdownNow();
        server = null;
        boundPort = -1;
        sessions.closeAll();
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        int port = boundPort;
        if (port < 0) {
            throw new IllegalStateException("simulator not started");
        }
        return port;
    }

    /** {@code http://127.0.0.1:<port>}: the instance URL; the endpoint is under {@link #ENDPOINT_PATH}. */
    public String url() {
        return "http://" + HOST + ":" + port();
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

    // ---- HTTP -----------------------------------------------------------------------------------------

    private record Answer(int status, Map<String, List<String>> headers, byte[] body, boolean cut) {
    }

    private void handle(HttpExchange exchange) {
        Answer answer;
        try {
            answer = route(exchange);
        } catch (ApiException e) {
            answer = json(e.status, e.body, e.headers);
        } catch (RuntimeException e) {
            log.warn("Acumatica simulator: unexpected failure on {} {}: {}", exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(), e.toString());
            answer = json(500, error("An error has occurred.", e.getClass().getSimpleName(),
                    "System.Exception"), Map.of());
        }
        Duration delay = faults.takeDelay();
        Answer toSend = answer;
        if (delay != null && !delay.isZero()) {
            delayer.schedule(() -> send(exchange, toSend), delay.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            send(exchange, toSend);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) {
        try (exchange) {
            if (answer.cut()) {
                return; // closing before the headers were sent drops the connection without an answer
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
            boolean empty = answer.body() == null || answer.body().length == 0;
            exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer to
        }
    }

    private Answer route(HttpExchange exchange) throws ApiException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        if (path.equals("/entity/auth/login")) {
            counters.request(method, AcumaticaCounters.LOGIN);
            requireMethod(method, "POST");
            return login(exchange);
        }
        if (path.equals("/entity/auth/logout")) {
            counters.request(method, AcumaticaCounters.LOGOUT);
            requireMethod(method, "POST");
            return logout(exchange);
        }
        if (path.equals("/identity/connect/token")) {
            counters.request(method, AcumaticaCounters.TOKEN);
            requireMethod(method, "POST");
            return token(exchange);
        }
        if (path.equals("/entity") || path.equals("/entity/")) {
            counters.request(method, "entity");
            requireMethod(method, "GET");
            return json(200, root(), Map.of());
        }
        String[] parts = path.split("/");
        // "", "entity", endpoint, version, Entity, keys...
        if (parts.length >= 5 && parts[1].equals("entity")) {
            if (!parts[2].equalsIgnoreCase(ENDPOINT_NAME) || !parts[3].equals(ENDPOINT_VERSION)) {
                counters.request(method, parts[2] + "/" + parts[3]);
                throw new ApiException(404, error("The requested resource does not exist.",
                        "No endpoint " + parts[2] + "/" + parts[3] + " on this instance; it serves "
                                + ENDPOINT_NAME + "/" + ENDPOINT_VERSION + ".", "PX.Api.ContractBased.EndpointNotFound"));
            }
            String entityName = parts[4];
            counters.request(method, entityName);
            authenticate(exchange);
            if (faults.takeTooManyRequests()) {
                counters.tooManyRequestsAnswered();
                long seconds = Math.max(1, (faults.retryAfter().toMillis() + 999) / 1000);
                throw new ApiException(429, error("Too many requests.",
                        "The number of requests per minute allowed by the license has been exceeded.",
                        "PX.Data.PXException"), Map.of("Retry-After", String.valueOf(seconds)));
            }
            EntityType type = EntityType.byName(entityName).orElseThrow(() -> new ApiException(404,
                    error("The requested resource does not exist.", "The entity '" + entityName
                            + "' is not served by the simulator's endpoint " + ENDPOINT_NAME + "/" + ENDPOINT_VERSION
                            + ".", "PX.Api.ContractBased.EntityNotFound")));
            List<String> keys = new ArrayList<>();
            for (int i = 5; i < parts.length; i++) {
                keys.addAll(Arrays.asList(parts[i].split("\\|")));
            }
            Map<String, String> query = query(exchange);
            return switch (method) {
                case "GET" -> keys.isEmpty() ? list(type, query) : single(type, keys, query);
                case "PUT" -> {
                    if (!keys.isEmpty()) {
                        throw notSupported("PUT to a record's keys (file attachments) is not simulated.");
                    }
                    yield put(exchange, type, query);
                }
                case "POST" -> throw new ApiException(406, error("Not acceptable.",
                        "POST does not create records; use PUT. Actions are not simulated.",
                        "PX.Api.ContractBased.NotAcceptable"));
                default -> throw notSupported(method + " is not simulated.");
            };
        }
        counters.request(method, path);
        throw new ApiException(404, error("The requested resource does not exist.", "No resource at " + path + ".",
                "System.Web.HttpException"));
    }

    private static void requireMethod(String method, String expected) {
        if (!method.equals(expected)) {
            throw new ApiException(405, error("The requested resource does not support http method '" + method + "'.",
                    null, null));
        }
    }

    // ---- authentication -------------------------------------------------------------------------------

    private Answer login(HttpExchange exchange) {
        JsonNode body = readJson(exchange);
        String name = body.path("name").asText(null);
        String password = body.path("password").asText(null);
        String tenant = body.hasNonNull("tenant") ? body.get("tenant").asText() : body.path("company").asText(null);
        boolean tenantOk = tenant == null || tenant.isEmpty() || tenant.equalsIgnoreCase(properties.tenant());
        if (!properties.user().equalsIgnoreCase(String.valueOf(name)) || !properties.password().equals(password)
                || !tenantOk) {
            throw new ApiException(500, error("An error has occurred.", "Invalid credentials. Please try again.",
                    "PX.Data.PXException"));
        }
        String branch = body.path("branch").asText(null);
        if (branch != null && !branch.isEmpty() && !branch.equalsIgnoreCase("LAURENT")) {
            throw new ApiException(500, error("An error has occurred.",
                    "You are not allowed to sign in to the branch '" + branch + "'.", "PX.Data.PXException"));
        }
        Sessions.Session s;
        try {
            s = sessions.openCookieSession(faults.effectiveLoginLimit(properties.loginLimit()));
        } catch (Sessions.LimitReached e) {
            throw loginLimit();
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Set-Cookie", List.of(
                "ASP.NET_SessionId=" + s.sessionId + "; path=/; HttpOnly; SameSite=Lax",
                ".ASPXAUTH=" + s.authTicket + "; path=/; HttpOnly",
                "UserBranch=1; path=/",
                "Locale=TimeZone=GMTM0500G&Culture=en-US; path=/"));
        return new Answer(204, headers, null, false);
    }

    private ApiException loginLimit() {
        counters.loginLimitAnswered();
        int status = faults.effectiveLoginLimitStatus(properties.loginLimitStatus());
        return new ApiException(status, error("An error has occurred.",
                "API Login Limit: the number of concurrent API sessions allowed by the license ("
                        + faults.effectiveLoginLimit(properties.loginLimit()) + ") has been reached.", "PX.Data.PXException"));
    }

    private Answer logout(HttpExchange exchange) {
        Sessions.Session s = session(exchange);
        if (s != null) {
            sessions.close(s);
        }
        // logging out without a session is harmless in Acumatica: 204 either way, the cookies are cleared
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Set-Cookie", List.of(
                ".ASPXAUTH=; expires=Mon, 11-Oct-1999 00:00:00 GMT; path=/; HttpOnly",
                "ASP.NET_SessionId=; expires=Mon, 11-Oct-1999 00:00:00 GMT; path=/; HttpOnly"));
        return new Answer(204, headers, null, false);
    }

    private Sessions.Session authenticate(HttpExchange exchange) {
        Sessions.Session s = session(exchange);
        if (s == null) {
            throw new ApiException(401, messageOnly("Authorization has been denied for this request."));
        }
        return s;
    }

    private Sessions.Session session(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return sessions.byAccessToken(authorization.substring(7).trim());
        }
        Map<String, String> cookies = cookies(exchange);
        return sessions.byCookies(cookies.get("ASP.NET_SessionId"), cookies.get(".ASPXAUTH"));
    }

    private static Map<String, String> cookies(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        List<String> headers = exchange.getRequestHeaders().get("Cookie");
        if (headers == null) {
            return out;
        }
        for (String header : headers) {
            for (String pair : header.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
        return out;
    }

    private Answer token(HttpExchange exchange) {
        String contentType = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type"));
        if (!contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw oauth(400, "invalid_request", "The token request must be application/x-www-form-urlencoded.");
        }
        Map<String, String> form = parseForm(new String(readBody(exchange), StandardCharsets.UTF_8));
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        String basic = exchange.getRequestHeaders().getFirst("Authorization");
        if (clientId == null && basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) {
            String decoded = new String(java.util.Base64.getDecoder().decode(basic.substring(6).trim()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon > 0) {
                clientId = URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8);
                clientSecret = URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8);
            }
        }
        if (!properties.clientId().equalsIgnoreCase(String.valueOf(clientId))
                || !properties.clientSecret().equals(clientSecret)) {
            throw oauth(400, "invalid_client", null);
        }
        String grant = String.valueOf(form.get("grant_type"));
        int limit = faults.effectiveLoginLimit(properties.loginLimit());
        String[] refresh = new String[1];
        String scope;
        Sessions.Session s;
        switch (grant) {
            case "password" -> {
                scope = form.getOrDefault("scope", "");
                Set<String> scopes = Set.of(scope.trim().split("\\s+"));
                if (!scopes.contains("api")) {
                    throw oauth(400, "invalid_scope", null);
                }
                for (String sc : scopes) {
                    if (!Set.of("api", "offline_access", "api:concurrent_access").contains(sc)) {
                        throw oauth(400, "invalid_scope", null);
                    }
                }
                if (!properties.user().equalsIgnoreCase(String.valueOf(form.get("username")))
                        || !properties.password().equals(form.get("password"))) {
                    throw oauth(400, "invalid_grant", "invalid_username_or_password");
                }
                try {
                    s = sessions.openTokenSession(limit, scopes.contains("offline_access"), scope.trim(), refresh);
                } catch (Sessions.LimitReached e) {
                    counters.loginLimitAnswered();
                    throw oauth(400, "invalid_grant", "API Login Limit: the number of concurrent API sessions"
                            + " allowed by the license (" + limit + ") has been reached.");
                }
                scope = scope.trim();
            }
            case "refresh_token" -> {
                String[] scopeOut = new String[1];
                try {
                    s = sessions.refresh(String.valueOf(form.get("refresh_token")), limit, refresh, scopeOut);
                } catch (Sessions.LimitReached e) {
                    counters.loginLimitAnswered();
                    throw oauth(400, "invalid_grant", "API Login Limit: the number of concurrent API sessions"
                            + " allowed by the license (" + limit + ") has been reached.");
                }
                if (s == null) {
                    throw oauth(400, "invalid_grant", null);
                }
                scope = scopeOut[0];
            }
            default -> throw oauth(400, "unsupported_grant_type", null);
        }
        ObjectNode answer = JSON.createObjectNode();
        answer.put("access_token", s.accessToken);
        answer.put("expires_in", sessions.tokenTtl().toSeconds());
        answer.put("token_type", "Bearer");
        if (refresh[0] != null) {
            answer.put("refresh_token", refresh[0]);
        }
        answer.put("scope", scope);
        return json(200, answer, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    private static ApiException oauth(int status, String error, String description) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", error);
        if (description != null) {
            body.put("error_description", description);
        }
        return new ApiException(status, body);
    }

    // ---- entities -------------------------------------------------------------------------------------

    private ObjectNode root() {
        ObjectNode root = JSON.createObjectNode();
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

    private Answer list(EntityType type, Map<String, String> query) {
        Set<String> expand = expand(type, query);
        ODataQuery filter = ODataQuery.parse(query.get("$filter"));
        for (ODataQuery.Condition c : filter.conditions()) {
            if (!dataset.knowsField(type, c.field()) || type.expandables.contains(c.field())) {
                throw ODataQuery.badFilter("The field '" + c.field() + "' cannot be used in $filter of entity '"
                        + type.name() + "' (unknown, or a detail/linked entity, which the API cannot filter on).");
            }
        }
        int skip = nonNegative(query, "$skip", 0);
        int top = nonNegative(query, "$top", Integer.MAX_VALUE);
        List<ObjectNode> rows = dataset.list(type, filter);
        ArrayNode out = JSON.createArrayNode();
        int row = 0;
        for (int i = skip; i < rows.size() && out.size() < top; i++) {
            out.add(render(type, rows.get(i), expand, ++row));
        }
        return json(200, out, Map.of());
    }

    private Answer single(EntityType type, List<String> keys, Map<String, String> query) {
        Set<String> expand = expand(type, query);
        if (query.containsKey("$filter") || query.containsKey("$top") || query.containsKey("$skip")) {
            throw ODataQuery.badFilter("$filter, $top and $skip apply to lists, not to a record retrieved by keys.");
        }
        ObjectNode r = dataset.byKeys(type, keys).orElseThrow(() -> new ApiException(404,
                error("No entity satisfies the condition.", "No " + type.name() + " with keys "
                        + String.join("/", keys) + ".", "PX.Api.ContractBased.NoEntitySatisfiesTheConditionException")));
        return json(200, render(type, r, expand, 1), Map.of());
    }

    private Answer put(HttpExchange exchange, EntityType type, Map<String, String> query) {
        if (!type.writable()) {
            throw notSupported("The simulator serves " + type.name() + " read-only.");
        }
        if (query.containsKey("$filter") || query.containsKey("$top") || query.containsKey("$skip")) {
            throw ODataQuery.badFilter("The simulator locates a PUT's record by its key fields or id only;"
                    + " $filter, $top and $skip are not supported on PUT.");
        }
        Set<String> expand = expand(type, query);
        JsonNode body = readJson(exchange);
        if (!body.isObject()) {
            throw new ApiException(400, error("The request is invalid.", "The body must be one entity object.",
                    "PX.Api.ContractBased.InvalidEntityException"));
        }
        counters.written(type.name(), body);
        boolean ifNoneMatch = "*".equals(trim(exchange.getRequestHeaders().getFirst("If-None-Match")));
        boolean ifMatch = "*".equals(trim(exchange.getRequestHeaders().getFirst("If-Match")));
        AcumaticaDataset.Mode mode = ifNoneMatch ? AcumaticaDataset.Mode.INSERT
                : ifMatch ? AcumaticaDataset.Mode.UPDATE : AcumaticaDataset.Mode.UPSERT;
        AcumaticaDataset.Saved saved;
        try {
            saved = dataset.put(type, (ObjectNode) body, mode);
        } catch (ApiException e) {
            if (e.status == 422) {
                // the echo keeps its lines, so that row errors can be seen
                throw new ApiException(422, render(type, (ObjectNode) e.body, type.expandables, 1));
            }
            throw e;
        }
        if (faults.takeCutAfterWrite()) {
            return new Answer(0, Map.of(), null, true);
        }
        if (faults.takeGatewayTimeoutAfterWrite()) {
            byte[] html = "<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center></body></html>"
                    .getBytes(StandardCharsets.UTF_8);
            return new Answer(504, Map.of("Content-Type", List.of("text/html")), html, false);
        }
        return json(200, render(type, saved.record(), expand, 1), Map.of());
    }

    /** The answer form: row numbers, links, and only the linked/detail entities asked for. */
    private ObjectNode render(EntityType type, ObjectNode stored, Set<String> expand, int rowNumber) {
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

    private static Set<String> expand(EntityType type, Map<String, String> query) {
        String expand = query.get("$expand");
        if (expand == null || expand.isBlank()) {
            return Set.of();
        }
        Set<String> out = new java.util.HashSet<>();
        for (String part : expand.split(",")) {
            String name = part.trim();
            if (!type.expandables.contains(name)) {
                throw ODataQuery.badFilter("The entity '" + type.name() + "' has no detail or linked entity '" + name
                        + "' in the simulator; it can expand " + type.expandables + ".");
            }
            out.add(name);
        }
        return out;
    }

    private static int nonNegative(Map<String, String> query, String name, int fallback) {
        String v = query.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ODataQuery.badFilter("The value of " + name + " must be a non-negative integer, not '" + v + "'.");
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.startsWith("$") && !QUERY_OPTIONS.contains(name)) {
                throw ODataQuery.badFilter("The query option " + name + " is not supported (the contract-based API"
                        + " knows $select, $filter, $expand, $custom, $skip and $top).");
            }
            if (out.put(name, value) != null) {
                throw ODataQuery.badFilter("The query option " + name + " is given twice.");
            }
        }
        return out;
    }

    private static Map<String, String> parseForm(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static byte[] readBody(HttpExchange exchange) {
        try (InputStream in = exchange.getRequestBody()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ApiException(400, error("The request is invalid.", "The body could not be read.", null));
        }
    }

    private static JsonNode readJson(HttpExchange exchange) {
        byte[] body = readBody(exchange);
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new ApiException(400, error("The request is invalid.", "The body is empty.", null));
            }
            return node;
        } catch (IOException e) {
            throw new ApiException(400, error("The request is invalid.", "The body is not valid JSON.",
                    "Newtonsoft.Json.JsonReaderException"));
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static ApiException notSupported(String message) {
        return new ApiException(405, error("The requested resource does not support this operation.", message,
                "System.NotSupportedException"));
    }

    private static Answer json(int status, JsonNode body, Map<String, String> extraHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of("application/json; charset=utf-8"));
        extraHeaders.forEach((k, v) -> headers.put(k, List.of(v)));
        try {
            return new Answer(status, headers, JSON.writeValueAsBytes(body), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The generic error body of ACU-CS {@code ErrorMessage}. */
    static ObjectNode error(String message, String exceptionMessage, String exceptionType) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", message);
        if (exceptionMessage != null) {
            body.put("exceptionMessage", exceptionMessage);
        }
        if (exceptionType != null) {
            body.put("exceptionType", exceptionType);
        }
        return body;
    }

    private static ObjectNode messageOnly(String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("message", message);
        return body;
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    static ObjectMapper json() {
        return JSON;
    }

}
