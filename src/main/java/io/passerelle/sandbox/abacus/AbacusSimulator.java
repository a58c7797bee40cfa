package io.passerelle.sandbox.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Answer;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.Faults;
import io.passerelle.sandbox.kit.HttpSimulator;
import io.passerelle.sandbox.kit.ODataNextLinkPaging;
import io.passerelle.sandbox.kit.RateLimit;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.RequestCounters;
import io.passerelle.sandbox.kit.Router;
import io.passerelle.sandbox.kit.Sessions;
import io.passerelle.sandbox.kit.SimulatorJson;
import io.passerelle.sandbox.kit.TokenEndpoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An in-process Abacus Entity API (next-erps.md §1) on 127.0.0.1: the OpenID configuration and the OAuth2
 * client-credentials token endpoint, and {@code /api/entity/v1/mandants/{mandant}/…} with Employees, Projects,
 * ServiceCodes (read) and ProjectBookings (write and read back). Built on the sandbox kit: this class holds
 * Abacus's handlers; the data is {@link AbacusDataset}; misbehaviour is {@link #faults()}.
 *
 * <pre>{@code
 * try (AbacusSimulator sim = new AbacusSimulator(AbacusSimulatorProperties.defaults()).start()) {
 *     POST sim.url() + "/oauth/oauth2/v1/token" ...
 * }
 * }</pre>
 */
public final class AbacusSimulator extends HttpSimulator {

    public static final String TOKEN_PATH = "/oauth/oauth2/v1/token";
    public static final String ENTITY_PATH = "/api/entity/v1/mandants/";
    /** Counter kinds besides the entity sets. */
    public static final String TOKEN = "oauth/token";
    public static final String TOO_MANY_REQUESTS = "429 answered";
    private static final int MAX_PAGE_SIZE = 100;
    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\((.*)\\))?");
    private static final ODataNextLinkPaging PAGING = new ODataNextLinkPaging(MAX_PAGE_SIZE,
            (name, value, rule) -> AbacusErrors.badRequest("The value '" + value + "' of " + name + " " + rule));

    private final AbacusSimulatorProperties properties;
    private final Clock clock;
    private final AbacusDataset dataset;
    private final Sessions sessions;
    private final Set<String> heldScopes;
    private final Faults faults = new Faults();
    private final RequestCounters counters = new RequestCounters();
    /** The service user's quota ({@link AbacusSimulatorProperties#requestsPerMinute()}). */
    private final RateLimit rateLimit;
    /** API calls served per access token, for {@link AbacusSimulatorProperties#tokenCalls()}. */
    private final Map<String, AtomicInteger> callsByToken = new ConcurrentHashMap<>();

    public AbacusSimulator(AbacusSimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: token expiry and stamps follow it. */
    public AbacusSimulator(AbacusSimulatorProperties properties, Clock clock) {
        super(Objects.requireNonNull(properties, "properties").port(),
                new Sessions(clock, properties.tokenTtl(), properties.tokenTtl()));
        this.properties = Objects.requireNonNull(properties, "properties");
        this.clock = clock;
        this.dataset = new AbacusDataset(clock);
        this.sessions = sessions();
        this.heldScopes = scopes(properties.scopes());
        this.rateLimit = new RateLimit(clock, properties.requestsPerMinute());
        applyConfiguredFaults();
        TokenEndpoint token = TokenEndpoint.builder(sessions)
                .client((id, secret) -> properties.clientId().equals(id) && properties.clientSecret().equals(secret))
                .clientCredentialsGrant(this::grantScope)
                .errors((error, description) -> TokenEndpoint.rfc6749(401).answer(error,
                        error == TokenEndpoint.Error.INVALID_CLIENT ? "Client authentication failed" : description))
                .counters(counters)
                .build();
        Router router = new Router("Abacus", new AbacusErrors(), counters, faults)
                .route("GET", "/.well-known/openid-configuration", "openid-configuration",
                        request -> Answer.json(200, openIdConfiguration(request)))
                .route("POST", TOKEN_PATH, TOKEN, token)
                .route(Router.ANY_METHOD, ENTITY_PATH + "{mandant}/{path...}", AbacusSimulator::kind, this::entity);
        serve(router);
    }

    /** Binds and starts serving. Returns this, for {@code new AbacusSimulator(p).start()}. */
    public AbacusSimulator start() {
        bind();
        return this;
    }



    /** The mandant's base URL, e.g. {@code http://127.0.0.1:21312/api/entity/v1/mandants/7777}. */
    public String mandantUrl() {
        return url() + ENTITY_PATH + properties.mandant();
    }

    public AbacusSimulatorProperties properties() {
        return properties;
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    public AbacusDataset dataset() {
        return dataset;
    }

    public Faults faults() {
        return faults;
    }

    /** Requests count as {@code METHOD Set} ({@code POST oauth/token} for tokens), 429s as {@link #TOO_MANY_REQUESTS}. */
    public RequestCounters counters() {
        return counters;
    }

    /** The service user's quota: {@link RateLimit#set} changes it, {@link RateLimit#refusals()} says when it said 429. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    public long requests(String method, String kind) {
        return counters.requests(method, kind);
    }

    /** Every booking stored, in Id order. */
    public List<ObjectNode> bookings() {
        return dataset.bookings();
    }

    /** Ends every token; clients must fetch a new one. */
    public void expireAllTokens() {
        sessions.closeAll();
    }

    /** Clears counters and faults back to the configured ones; data and tokens stay as they are. */
    public void reset() {
        faults.reset();
        applyConfiguredFaults();
        counters.reset();
        rateLimit.reset();
        rateLimit.set(properties.requestsPerMinute());
    }

    private void applyConfiguredFaults() {
        configure(faults, properties.tooManyRequestsEvery(), properties.retryAfter(), properties.delay());
    }

    // ---- authentication -------------------------------------------------------------------------------

    private ObjectNode openIdConfiguration(Request request) {
        ObjectNode body = SimulatorJson.HTTP.createObjectNode();
        body.put("issuer", request.baseUrl());
        body.put("token_endpoint", request.baseUrl() + TOKEN_PATH);
        body.putArray("grant_types_supported").add("client_credentials");
        body.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("client_secret_post");
        ArrayNode scopes = body.putArray("scopes_supported");
        heldScopes.forEach(scopes::add);
        return body;
    }

    /** Requested ∩ held, all held when none is requested; nothing in common: {@code invalid_scope}. */
    private String grantScope(String requested) {
        Set<String> asked = scopes(requested);
        Set<String> granted = new LinkedHashSet<>(heldScopes);
        if (!asked.isEmpty()) {
            granted.retainAll(asked);
        }
        return granted.isEmpty() ? null : String.join(" ", granted);
    }

    private static Set<String> scopes(String scope) {
        Set<String> out = new LinkedHashSet<>();
        for (String s : scope.trim().split("\\s+")) {
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return out;
    }

    /** The token's granted scopes; an unknown, expired or worn-out token is 401 invalid_token. */
    private Set<String> authenticate(Request request) {
        String token = request.bearerToken();
        Sessions.Session session = token == null ? null : sessions.byAccessToken(token);
        if (session != null && (faults.takeTokenExpiry() || wornOut(token))) {
            sessions.close(session);
            callsByToken.remove(token);
            session = null;
        }
        if (session == null) {
            throw AbacusErrors.unauthorized();
        }
        return scopes(session.scope());
    }

    private boolean wornOut(String token) {
        int limit = properties.tokenCalls();
        return limit > 0 && callsByToken.computeIfAbsent(token, t -> new AtomicInteger()).incrementAndGet() > limit;
    }

    private static void requireScope(Set<String> granted, String... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(granted::contains)) {
            throw AbacusErrors.forbidden(anyOf[0]);
        }
    }

    // ---- entities -------------------------------------------------------------------------------------

    private static String kind(Request request) {
        List<String> rest = request.rest();
        if (rest.isEmpty()) {
            return "service document";
        }
        Matcher m = SEGMENT.matcher(rest.get(0));
        return m.matches() ? m.group(1) : rest.get(0);
    }

    private Answer entity(Request request) {
        Set<String> granted = authenticate(request);
        // one service user per simulator: its quota, whichever of its tokens calls
        Duration retryAfter = rateLimit.refuse(properties.clientId()).orElseGet(faults::takeTooManyRequests);
        if (retryAfter != null) {
            counters.event(TOO_MANY_REQUESTS);
            throw new ErrorAnswer(429, AbacusErrors.body("TooManyRequests",
                    "The rate limit of the service user has been exceeded, retry later", null, null),
                    Map.of("Retry-After", Faults.retryAfterSeconds(retryAfter)));
        }
        String mandant = request.param("mandant");
        if (!mandant.equals(properties.mandant())) {
            throw AbacusErrors.notFound("The mandant " + mandant + " does not exist or is not enabled for the API");
        }
        List<String> rest = request.rest();
        if (rest.isEmpty()) {
            onlyGet(request);
            return Answer.json(200, serviceDocument(request));
        }
        Matcher m = SEGMENT.matcher(rest.get(0));
        AbacusSet set = m.matches() && rest.size() == 1 ? AbacusSet.byName(m.group(1)).orElse(null) : null;
        if (set == null) {
            throw AbacusErrors.notFound("No entity set or navigation " + String.join("/", rest) + " in this service");
        }
        String key = m.group(2);
        if (set == AbacusSet.ProjectBookings && request.method().equals("POST") && key == null) {
            requireScope(granted, AbacusSet.BOOKING_WRITE_SCOPE);
            return createBooking(request);
        }
        onlyGet(request);
        if (set == AbacusSet.ProjectBookings) {
            requireScope(granted, set.readScope, AbacusSet.BOOKING_WRITE_SCOPE);
        } else {
            requireScope(granted, set.readScope);
        }
        return key == null ? collection(request, set) : single(request, set, key);
    }

    private static void onlyGet(Request request) {
        if (!request.method().equals("GET")) {
            throw AbacusErrors.error(405, "MethodNotAllowed", "The method " + request.method()
                    + " is not supported by the simulator here");
        }
    }

    private static ObjectNode serviceDocument(Request request) {
        ObjectNode doc = SimulatorJson.HTTP.createObjectNode();
        doc.put("@odata.context", request.baseUrl() + trimSlash(request.rawPath()) + "/$metadata");
        ArrayNode value = doc.putArray("value");
        for (AbacusSet set : AbacusSet.values()) {
            value.addObject().put("name", set.name()).put("kind", "EntitySet").put("url", set.name());
        }
        return doc;
    }

    private static String trimSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private String context(Request request, String suffix) {
        return request.baseUrl() + ENTITY_PATH + properties.mandant() + "/$metadata#" + suffix;
    }

    private Answer collection(Request request, AbacusSet set) {
        String orderBy = request.query().get("$orderby");
        if (orderBy != null && !orderBy.trim().matches("Id( asc)?")) {
            throw AbacusErrors.badRequest("$orderby is only supported on Id (ascending)");
        }
        List<ObjectNode> rows = dataset.list(set, ODataFilter.parse(request.query().get("$filter"), set.name(),
                set.indexed()));
        ObjectNode page = PAGING.page(select(rows, request.query().get("$select")), request, context(request, set.name()));
        return Answer.json(200, page);
    }

    private Answer single(Request request, AbacusSet set, String key) {
        ObjectNode entity;
        if (set == AbacusSet.ProjectBookings) {
            entity = dataset.booking(key.replace("'", ""));
        } else if (key.matches("\\d{1,18}")) {
            entity = dataset.get(set, Long.parseLong(key));
        } else {
            throw AbacusErrors.badRequest("The key (" + key + ") of " + set.name() + " must be a number");
        }
        if (entity == null) {
            throw AbacusErrors.notFound("No " + set.name() + " entity with key Id=" + key);
        }
        List<ObjectNode> selected = select(List.of(entity), request.query().get("$select"));
        ObjectNode out = SimulatorJson.HTTP.createObjectNode();
        out.put("@odata.context", context(request, set.name() + "/$entity"));
        out.setAll(selected.get(0));
        return Answer.json(200, out);
    }

    /** {@code $select=A,B}: only those properties (and Id, the key); none or {@code *}: everything. */
    private static List<ObjectNode> select(List<ObjectNode> rows, String select) {
        if (select == null || select.isBlank() || select.trim().equals("*")) {
            return rows;
        }
        Set<String> keep = new LinkedHashSet<>();
        keep.add("Id");
        for (String s : select.split(",")) {
            keep.add(s.trim());
        }
        return rows.stream().map(r -> {
            ObjectNode out = SimulatorJson.HTTP.createObjectNode();
            keep.forEach(name -> {
                if (r.has(name)) {
                    out.set(name, r.get(name));
                }
            });
            return out;
        }).toList();
    }

    // ---- bookings -------------------------------------------------------------------------------------

    private Answer createBooking(Request request) {
        JsonNode json = request.json();
        if (!(json instanceof ObjectNode body)) {
            throw AbacusErrors.badRequest("The body must be a ProjectBooking object");
        }
        counters.received(AbacusSet.ProjectBookings.name(), body.deepCopy());
        // a repeated Id is a conflict whatever the rest of the body says: the first booking stands
        String sentId = body.path("Id").asText("");
        if (!sentId.isEmpty() && dataset.booking(sentId) != null) {
            throw conflict(sentId);
        }
        List<AbacusErrors.Detail> faultsFound = ProjectBookingRules.check(body, dataset);
        if (!faultsFound.isEmpty()) {
            throw new ErrorAnswer(400, AbacusErrors.body("ValidationFailed", "The entity could not be saved", null,
                    faultsFound));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ObjectNode status = body.putObject("Status");
        status.put("ModificationDate", LocalDate.ofInstant(now, ZoneOffset.UTC).toString());
        status.put("CreatedDateTime", now.toString());
        status.putNull("VisaStatus");
        String id = body.path("Id").asText();
        ObjectNode stored = dataset.storeBooking(body);
        if (stored == null) {
            throw conflict(id);
        }
        if (faults.takeCutAfterWrite()) {
            return Answer.cutConnection();
        }
        if (faults.takeGatewayTimeoutAfterWrite()) {
            return Answer.loadBalancerPage(504);
        }
        String location = request.baseUrl() + ENTITY_PATH + properties.mandant() + "/ProjectBookings(" + id + ")";
        if (prefersMinimal(request)) {
            return Answer.empty(204, Map.of("Location", List.of(location), "Preference-Applied",
                    List.of("return=minimal")));
        }
        ObjectNode out = SimulatorJson.HTTP.createObjectNode();
        out.put("@odata.context", context(request, "ProjectBookings/$entity"));
        out.setAll(stored);
        return Answer.json(201, out, Map.of("Location", location));
    }

    private static ErrorAnswer conflict(String id) {
        return new ErrorAnswer(409, AbacusErrors.body("Conflict", "An entity with key Id=" + id + " already exists",
                "Id", null));
    }

    private static boolean prefersMinimal(Request request) {
        return request.headers("Prefer").stream().flatMap(h -> Arrays.stream(h.split(",")))
                .anyMatch(p -> p.trim().equalsIgnoreCase("return=minimal"));
    }
}
