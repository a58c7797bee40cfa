package io.passerelle.sandbox.adminpulse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Answer;
import io.passerelle.sandbox.kit.ErrorAnswer;
import io.passerelle.sandbox.kit.Faults;
import io.passerelle.sandbox.kit.RateLimit;
import io.passerelle.sandbox.kit.HttpSimulator;
import io.passerelle.sandbox.kit.PageNumberPaging;
import io.passerelle.sandbox.kit.Request;
import io.passerelle.sandbox.kit.RequestCounters;
import io.passerelle.sandbox.kit.Router;
import io.passerelle.sandbox.kit.Sessions;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * An in-process AdminPulse API (next-erps.md §2) on 127.0.0.1: {@code GET /relations} (paged by {@code page} and
 * {@code pageSize}, filtered by {@code vatNumber}) and {@code GET /relations/{id}}, behind
 * {@code Authorization: Bearer <API key>}. Built on the sandbox kit: this class holds AdminPulse's handlers; the
 * data is {@link AdminPulseDataset}; misbehaviour is {@link #faults()}.
 *
 * <p>Refusals are RFC 7807 problem documents: a missing, unknown or expired key 401, the key without the "Read
 * relations" scope ({@link AdminPulseSimulatorProperties#noScopeToken()}) 403, a bad {@code page} or
 * {@code pageSize} (above {@value #MAX_PAGE_SIZE}) 400 naming it, an unknown id 404, a throttled call 429 with
 * {@code Retry-After}. The key is checked first, then the rate, then the parameters.
 *
 * <pre>{@code
 * try (AdminPulseSimulator sim = new AdminPulseSimulator(AdminPulseSimulatorProperties.defaults()).start()) {
 *     GET sim.url() + "/relations?page=0&pageSize=400"   Authorization: Bearer sandbox-adminpulse-token
 * }
 * }</pre>
 */
public final class AdminPulseSimulator extends HttpSimulator {

    public static final String RELATIONS_PATH = "/relations";
    /** Counter kinds: {@code GET relations} for the list, {@code GET relations/{id}} for one relation. */
    public static final String RELATIONS = "relations";
    public static final String RELATION = "relations/{id}";
    /** Counter events. */
    public static final String TOO_MANY_REQUESTS = "429 answered";
    public static final String UNAUTHORIZED = "401 answered";
    public static final String FORBIDDEN = "403 answered";
    public static final String RELATIONS_SCOPE = "Read relations";
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 400;
    /** AdminPulse's published limit, named in the 429's detail. */
    static final int CALLS_PER_MINUTE = 480;
    private static final PageNumberPaging PAGING = new PageNumberPaging("results", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE,
            AdminPulseErrors::badParameter);

    private final AdminPulseSimulatorProperties properties;
    private final AdminPulseDataset dataset;
    private final Faults faults = new Faults();
    private final RequestCounters counters = new RequestCounters();
    /** Each API key's quota ({@link AdminPulseSimulatorProperties#requestsPerMinute()}). */
    private final RateLimit rateLimit;
    /** Set when {@link Faults#expireTokenAfter} ran out: the key is refused from then on, until {@link #reset}. */
    private volatile boolean keyExpired;

    public AdminPulseSimulator(AdminPulseSimulatorProperties properties) {
        this(properties, Clock.systemUTC());
    }

    /** With a clock of the test's choosing: the stamps of changed relations follow it. */
    public AdminPulseSimulator(AdminPulseSimulatorProperties properties, Clock clock) {
        // AdminPulse has API keys, no sessions: the kit's sessions stay empty
        super(Objects.requireNonNull(properties, "properties").port(),
                new Sessions(clock, Duration.ZERO, Duration.ZERO));
        this.properties = properties;
        this.dataset = new AdminPulseDataset(clock);
        this.rateLimit = new RateLimit(clock, properties.requestsPerMinute());
        applyConfiguredFaults();
        Router router = new Router("AdminPulse", new AdminPulseErrors(), counters, faults)
                .route("GET", RELATIONS_PATH, RELATIONS, this::list)
                .route("GET", RELATIONS_PATH + "/{id}", RELATION, this::single);
        serve(router);
    }

    /** Binds and starts serving. Returns this, for {@code new AdminPulseSimulator(p).start()}. */
    public AdminPulseSimulator start() {
        bind();
        return this;
    }

    public AdminPulseSimulatorProperties properties() {
        return properties;
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    public AdminPulseDataset dataset() {
        return dataset;
    }

    /** Each API key's quota: {@link RateLimit#set} changes it, {@link RateLimit#refusals()} says when it said 429. */
    public RateLimit rateLimit() {
        return rateLimit;
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Requests count as {@code GET relations} and {@code GET relations/{id}}; refusals as {@link #UNAUTHORIZED},
     * {@link #FORBIDDEN} and {@link #TOO_MANY_REQUESTS}.
     */
    public RequestCounters counters() {
        return counters;
    }

    public long requests(String method, String kind) {
        return counters.requests(method, kind);
    }

    /** The API key expires now (its expiry date has passed): every call is 401 until {@link #reset}. */
    public void expireApiKey() {
        keyExpired = true;
    }

    /** Clears counters, an expired key and faults back to the configured ones; the data stays as it is. */
    public void reset() {
        faults.reset();
        applyConfiguredFaults();
        counters.reset();
        rateLimit.reset();
        rateLimit.set(properties.requestsPerMinute());
        keyExpired = false;
    }

    private void applyConfiguredFaults() {
        configure(faults, properties.tooManyRequestsEvery(), properties.retryAfter(), properties.delay());
    }

    // ---- handlers -------------------------------------------------------------------------------------

    private Answer list(Request request) {
        admit(request);
        return Answer.json(200, PAGING.page(dataset.relations(vatNumberFilter(request.query().get("vatNumber"))),
                request.query()));
    }

    private Answer single(Request request) {
        admit(request);
        String id = request.param("id");
        ObjectNode relation = dataset.get(id.toLowerCase(Locale.ROOT));
        if (relation == null) {
            throw AdminPulseErrors.problem(404, "No relation with id " + id + ".");
        }
        return Answer.json(200, relation);
    }

    /**
     * {@code vatNumber=<digits>}: the relations with exactly those digits (anything else the client wrote, dots or a
     * BE prefix, is left out of the comparison). Absent or empty: every relation.
     */
    private static Predicate<JsonNode> vatNumberFilter(String vatNumber) {
        if (vatNumber == null || vatNumber.isEmpty()) {
            return r -> true;
        }
        String digits = vatNumber.replaceAll("\\D", "");
        return r -> !digits.isEmpty() && r.path("vatNumber").isTextual() && r.path("vatNumber").asText().equals(digits);
    }

    /** The key, then the rate: a refused call is answered before anything is read. */
    private void admit(Request request) {
        String key = request.bearerToken();
        if (key == null || key.isEmpty()) {
            throw unauthorized("No API key was sent: send it as Authorization: Bearer <API key>.");
        }
        if (key.equals(properties.noScopeToken())) {
            counters.event(FORBIDDEN);
            throw AdminPulseErrors.problem(403, "The API key does not have the scope \"" + RELATIONS_SCOPE + "\".");
        }
        if (!key.equals(properties.apiToken())) {
            throw unauthorized("The API key is invalid.");
        }
        if (keyExpired || faults.takeTokenExpiry()) {
            keyExpired = true;
            throw unauthorized("The API key has expired.");
        }
        Duration retryAfter = rateLimit.refuse(key).orElseGet(faults::takeTooManyRequests);
        if (retryAfter != null) {
            counters.event(TOO_MANY_REQUESTS);
            String seconds = Faults.retryAfterSeconds(retryAfter);
            throw AdminPulseErrors.problem(429, "More than " + CALLS_PER_MINUTE + " calls a minute: retry after "
                    + seconds + " s.", Map.of("Retry-After", seconds));
        }
    }

    private ErrorAnswer unauthorized(String detail) {
        counters.event(UNAUTHORIZED);
        return AdminPulseErrors.problem(401, detail, Map.of("WWW-Authenticate", "Bearer"));
    }
}
