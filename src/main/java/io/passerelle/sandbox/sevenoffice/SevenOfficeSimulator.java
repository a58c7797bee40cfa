package io.passerelle.sandbox.sevenoffice;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Answer;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.Faults;
import io.passerelle.sandbox.kit.Handler;
import io.passerelle.sandbox.kit.HttpSimulator;
import io.passerelle.sandbox.kit.LinkHeaderPaging;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.RequestCounters;
import io.passerelle.sandbox.kit.Router;
import io.passerelle.sandbox.kit.Sessions;
import io.passerelle.sandbox.kit.TokenEndpoint;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An in-process 24SevenOffice (next-erps.md §3) on 127.0.0.1, both of its hosts on one port: the login host's
 * {@code POST /oauth/token} (client credentials with {@code audience} and {@code login_organization}, a token per
 * organization) and the REST API under {@code /v1}: {@code GET /v1/organization/information},
 * {@code GET /v1/customers} (a JSON array paged by {@code limit} and {@code page} through a {@code Link} header),
 * {@code GET /v1/customers/{id}} and {@code GET /v1/me} (403: client-credentials tokens have no identity). Built on
 * the sandbox kit: this class holds 24SevenOffice's handlers; the data is {@link SevenOfficeDataset}; the
 * applications and their connections are {@link SevenOfficeSimulatorProperties#clients()}; misbehaviour is
 * {@link #faults()}.
 *
 * <p>Token refusals, in this order, as Auth0 words them: a wrong client id or secret 401 {@code access_denied}
 * "Unauthorized"; a grant other than client credentials 400 {@code unsupported_grant_type}; a missing or other
 * {@code audience} 403 {@code access_denied}; no {@code login_organization} 400 {@code invalid_request}; an
 * organization the client is not connected to 403 {@code access_denied}. A token holds the client's scopes (those it
 * asks for with {@code scope}, if it does) and is valid for its organization only.
 *
 * <p>API calls are checked in this order: the token (missing, unknown or expired: 401 UnauthorizedError), the rate
 * (429 with {@code Retry-After}), the scope (403), the parameters (400 ValidationError), the record (404
 * NotFoundError). Every answer carries {@code X-Trace-Id}; an error's {@code trackingId} is the same id.
 *
 * <pre>{@code
 * try (SevenOfficeSimulator sim = new SevenOfficeSimulator(SevenOfficeSimulatorProperties.defaults()).start()) {
 *     POST sim.tokenUrl()   grant_type=client_credentials&audience=https://api.24sevenoffice.com
 *                           &client_id=sandbox-24so-client-a&client_secret=sandbox-24so-secret-a&login_organization=4711
 *     GET  sim.apiUrl() + "/customers?limit=100"   Authorization: Bearer <access_token>
 * }
 * }</pre>
 */
public final class SevenOfficeSimulator extends HttpSimulator {

    public static final String TOKEN_PATH = "/oauth/token";
    public static final String API_PATH = "/v1";
    public static final String AUDIENCE = "https://api.24sevenoffice.com";
    /** Counter kinds: {@code POST oauth/token}, {@code GET organization/information}, {@code GET customers}... */
    public static final String TOKEN = "oauth/token";
    public static final String ORGANIZATION = "organization/information";
    public static final String CUSTOMERS = "customers";
    public static final String CUSTOMER = "customers/{id}";
    public static final String ME = "me";
    /** Counter events. */
    public static final String TOO_MANY_REQUESTS = "429 answered";
    public static final String UNAUTHORIZED = "401 answered";
    public static final String FORBIDDEN = "403 answered";
    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;
    private static final LinkHeaderPaging PAGING = new LinkHeaderPaging("limit", DEFAULT_LIMIT, MAX_LIMIT, "page",
            SevenOfficeSimulator::badPagingParameter);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SevenOfficeSimulatorProperties properties;
    private final SevenOfficeDataset dataset;
    private final Sessions sessions;
    private final Faults faults = new Faults();
    private final RequestCounters counters = new RequestCounters();

    public SevenOfficeSimulator(SevenOfficeSimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: token expiry and the stamps of changed customers follow it. */
    public SevenOfficeSimulator(SevenOfficeSimulatorProperties properties, Clock clock) {
        super(Objects.requireNonNull(properties, "properties").port(),
                new Sessions(clock, properties.tokenTtl(), properties.tokenTtl(), SevenOfficeSimulator::accessToken));
        this.properties = properties;
        this.dataset = new SevenOfficeDataset(clock);
        this.sessions = sessions();
        for (SevenOfficeSimulatorProperties.Client client : properties.clients()) {
            for (Long organization : client.organizations()) {
                if (dataset.organization(organization) == null) {
                    throw new IllegalArgumentException("the client " + client.clientId()
                            + " is connected to organization " + organization + ", which the sandbox does not hold: "
                            + dataset.organizationIds());
                }
            }
        }
        applyConfiguredFaults();
        TokenEndpoint token = TokenEndpoint.builder(sessions)
                .client(this::authenticClient)
                .clientCredentialsGrant(this::grant)
                .acceptJson()
                .errors(SevenOfficeSimulator::tokenError)
                .counters(counters)
                .build();
        Router router = new Router("24SevenOffice", new SevenOfficeErrors(), counters, faults)
                .route("POST", TOKEN_PATH, TOKEN, traced(token))
                .route("GET", API_PATH + "/organization/information", ORGANIZATION, traced(this::organization))
                .route("GET", API_PATH + "/customers", CUSTOMERS, traced(this::customers))
                .route("GET", API_PATH + "/customers/{id}", CUSTOMER, traced(this::customer))
                .route("GET", API_PATH + "/me/{path...}", ME, traced(this::me));
        serve(router);
    }

    /** Binds and starts serving. Returns this, for {@code new SevenOfficeSimulator(p).start()}. */
    public SevenOfficeSimulator start() {
        bind();
        return this;
    }

    /** The token endpoint, {@code http://127.0.0.1:<port>/oauth/token} (the login host's). */
    public String tokenUrl() {
        return url() + TOKEN_PATH;
    }

    /** The API's base, {@code http://127.0.0.1:<port>/v1}. */
    public String apiUrl() {
        return url() + API_PATH;
    }

    public SevenOfficeSimulatorProperties properties() {
        return properties;
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    public SevenOfficeDataset dataset() {
        return dataset;
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Requests count as {@code POST oauth/token}, {@code GET organization/information}, {@code GET customers},
     * {@code GET customers/{id}} and {@code GET me}; refusals as {@link #UNAUTHORIZED}, {@link #FORBIDDEN},
     * {@link #TOO_MANY_REQUESTS}.
     */
    public RequestCounters counters() {
        return counters;
    }

    public long requests(String method, String kind) {
        return counters.requests(method, kind);
    }

    /** API calls of this kind made with a token of this organization (refused ones too, once the token was valid). */
    public long requests(String kind, long organizationId) {
        return counters.events(kind + " of " + organizationId);
    }

    /** Tokens issued to this client for this organization. */
    public long tokensIssued(String clientId, long organizationId) {
        return counters.events("token for " + clientId + " at " + organizationId);
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
    }

    private void applyConfiguredFaults() {
        configure(faults, properties.tooManyRequestsEvery(), properties.retryAfter(), properties.delay());
    }

    // ---- the login host -------------------------------------------------------------------------------

    private boolean authenticClient(String clientId, String secret) {
        SevenOfficeSimulatorProperties.Client client = properties.client(clientId);
        return client != null && client.clientSecret().equals(secret);
    }

    private static ErrorAnswer tokenError(TokenEndpoint.Error error, String description) {
        return switch (error) {
            case INVALID_CLIENT -> SevenOfficeErrors.token(401, "access_denied", "Unauthorized");
            case UNSUPPORTED_GRANT_TYPE -> SevenOfficeErrors.token(400, "unsupported_grant_type",
                    "Unsupported grant type; use client_credentials");
            default -> SevenOfficeErrors.token(400, error.code(), description);
        };
    }

    /** The client is authentic; its audience, organization and scopes decide the rest. */
    private TokenEndpoint.Grant grant(String clientId, Map<String, String> parameters) {
        String audience = parameters.get("audience");
        if (audience == null || audience.isBlank()) {
            throw SevenOfficeErrors.token(403, "access_denied",
                    "No audience parameter was provided, and no default audience has been configured");
        }
        if (!audience.equals(AUDIENCE)) {
            throw SevenOfficeErrors.token(403, "access_denied", "Service not found: " + audience);
        }
        String organization = parameters.get("login_organization");
        if (organization == null || organization.isBlank()) {
            throw SevenOfficeErrors.token(400, "invalid_request", "Missing required parameter: login_organization");
        }
        SevenOfficeSimulatorProperties.Client client = properties.client(clientId);
        Long organizationId = organization.matches("\\d{1,18}") ? Long.valueOf(organization) : null;
        if (organizationId == null || !client.organizations().contains(organizationId)) {
            throw SevenOfficeErrors.token(403, "access_denied", "The application is not connected to organization "
                    + organization);
        }
        Set<String> granted = scopes(client.scopes());
        Set<String> asked = scopes(parameters.getOrDefault("scope", ""));
        if (!asked.isEmpty()) {
            // as 24SevenOffice warns, a client may end up with fewer scopes than it asked for
            granted.retainAll(asked);
        }
        counters.event("token for " + clientId + " at " + organizationId);
        return new TokenEndpoint.Grant(String.join(" ", granted), organizationId.toString());
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

    /**
     * Opaque, shaped like the JWT the real login host issues (three base64url segments); §3: clients do not read
     * it, so it carries nothing they could come to rely on.
     */
    private static String accessToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        byte[] jti = new byte[16];
        byte[] signature = new byte[64];
        RANDOM.nextBytes(jti);
        RANDOM.nextBytes(signature);
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String payload = "{\"iss\":\"https://login.24sevenoffice.com/\",\"aud\":\"" + AUDIENCE + "\",\"jti\":\""
                + HexFormat.of().formatHex(jti) + "\"}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + b64.encodeToString(signature);
    }

    // ---- the API --------------------------------------------------------------------------------------

    /** Who calls: the organization the token is valid for, and its scopes. */
    private record Caller(long organizationId, Set<String> scopes) {
    }

    private static Handler traced(Handler handler) {
        return request -> SevenOfficeErrors.traced(handler.handle(request));
    }

    /** The token, then the rate, then the scope (when one is named): a refused call reads nothing. */
    private Caller admit(Request request, String kind, String scope) {
        String token = request.bearerToken();
        if (token == null || token.isEmpty()) {
            throw unauthorized("Missing bearer token");
        }
        Sessions.Session session = sessions.byAccessToken(token);
        if (session != null && faults.takeTokenExpiry()) {
            sessions.close(session);
            session = null;
        }
        if (session == null) {
            throw unauthorized("Invalid or expired token");
        }
        Caller caller = new Caller(Long.parseLong(session.tenant()), scopes(session.scope()));
        counters.event(kind + " of " + caller.organizationId());
        Duration retryAfter = faults.takeTooManyRequests();
        if (retryAfter != null) {
            counters.event(TOO_MANY_REQUESTS);
            String seconds = Faults.retryAfterSeconds(retryAfter);
            throw SevenOfficeErrors.error(429, "TooManyRequestsError", "Rate limit exceeded, retry after " + seconds
                    + " s", Map.of("Retry-After", seconds));
        }
        if (scope != null && !caller.scopes().contains(scope)) {
            throw forbidden("Missing scope " + scope);
        }
        return caller;
    }

    private ErrorAnswer unauthorized(String message) {
        counters.event(UNAUTHORIZED);
        return SevenOfficeErrors.unauthorized(message);
    }

    private ErrorAnswer forbidden(String message) {
        counters.event(FORBIDDEN);
        return SevenOfficeErrors.forbidden(message);
    }

    private Answer organization(Request request) {
        Caller caller = admit(request, ORGANIZATION, SevenOfficeSimulatorProperties.ORGANIZATION_READ);
        return Answer.json(200, dataset.organization(caller.organizationId()));
    }

    private Answer customers(Request request) {
        Caller caller = admit(request, CUSTOMERS, SevenOfficeSimulatorProperties.CUSTOMER_READ);
        CustomerQuery query = CustomerQuery.parse(request.query());
        List<ObjectNode> found = dataset.customers(caller.organizationId(), query.filter());
        found.sort(query.order());
        return PAGING.page(found, request);
    }

    private Answer customer(Request request) {
        Caller caller = admit(request, CUSTOMER, SevenOfficeSimulatorProperties.CUSTOMER_READ);
        String id = request.param("id");
        if (!id.matches("-?\\d{1,10}")) {
            throw SevenOfficeErrors.validation("id", "type");
        }
        long customerId = Long.parseLong(id);
        if (customerId > Integer.MAX_VALUE || customerId < Integer.MIN_VALUE) {
            throw SevenOfficeErrors.validation("id", customerId > 0 ? "maximum" : "minimum");
        }
        ObjectNode customer = dataset.customer(caller.organizationId(), customerId);
        if (customer == null) {
            throw SevenOfficeErrors.notFound("Customer " + id + " not found");
        }
        return Answer.json(200, customer);
    }

    /** {@code /me} and below need the identityId claim of a person's login, which client credentials never carry. */
    private Answer me(Request request) {
        admit(request, ME, null);
        throw forbidden("This endpoint is only available for access tokens that have the identityId claim");
    }

    /** {@code limit} 1 to 100, {@code page} from 1: the schema's keyword for what the value breaks. */
    private static ErrorAnswer badPagingParameter(String name, String value, String rule) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return SevenOfficeErrors.validation(name, "type");
        }
        return SevenOfficeErrors.validation(name, n < 1 ? "minimum" : "maximum");
    }
}
