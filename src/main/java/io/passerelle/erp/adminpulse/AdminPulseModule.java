package io.passerelle.erp.adminpulse;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpOption;
import io.passerelle.erp.ErpDescriptor;
import io.passerelle.erp.ErpModule;
import io.passerelle.erp.http.ErrorBodies;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.erp.http.Reachability;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.erp.http.RestRequest;
import io.passerelle.erp.http.RestSession;
import io.passerelle.run.Futures;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourceSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * AdminPulse's REST API with an office's API token: the client companies and their boards in, as platform companies
 * with their relations. The connection test reads one relation and says in words whether the token is wrong or
 * expired, or lacks the "Read relations" scope.
 */
@Component
public class AdminPulseModule extends ErpModule {

    public static final String ERP = "adminpulse";
    static final String COMPANIES = "companies";
    static final String EXPIRES_OPTION = "tokenExpiresOn";
    static final String TOKEN_PAGE = "https://app.adminpulse.be/#/profile/accesstokens";

    static final List<InboundFlowSpec> FLOWS = List.of(
            new InboundFlowSpec(COMPANIES, CanonicalEntity.COMPANY, AdminPulseMappers::company));

    private static final ErpDescriptor DESCRIPTOR = new ErpDescriptor(ERP,
            "AdminPulse REST API (api.adminpulse.be), an office's API token with the \"Read relations\" scope",
            Set.of("http", "https"),
            List.of(CredentialKey.required(AdminPulseTransports.TOKEN, "an API token made in AdminPulse (Profile, "
                    + "Access tokens) with the \"Read relations\" scope", true)),
            List.of(ErpOption.optional(EXPIRES_OPTION, "the expiry date chosen for the token in AdminPulse; health "
                    + "warns before it", null, "\\d{4}-\\d{2}-\\d{2}", "a date YYYY-MM-DD, e.g. 2027-06-30"),
                    RequestBudgets.option(ERP, AdminPulseProperties.REQUESTS_PER_MINUTE)));

    private final AdminPulseTransports transports;
    private final AdminPulseSource source;
    private final Clock clock;

    @Autowired
    public AdminPulseModule(AdminPulseTransports transports) {
        this(transports, Clock.systemUTC());
    }

    AdminPulseModule(AdminPulseTransports transports, Clock clock) {
        super(DESCRIPTOR, FLOWS, List.of());
        this.transports = transports;
        this.source = new AdminPulseSource(transports);
        this.clock = clock;
    }

    @Override
    public SourceSession open(Connection connection) {
        return source.open(connection);
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", endpoint.url());
        Optional<LocalDate> expires = expiry(connection);
        expires.ifPresent(date -> details.put("tokenExpiresOn", date.toString()));
        return probing(transports, connection, endpoint, details, (transport, filled) -> {
            RestSession session = transports.session(connection, transport);
            try {
                HttpAnswer answer = Futures.join(session.exchange(RestRequest.get("/relations", Map.of("page", "0",
                        "pageSize", "1")).withHeaders(Map.of("Accept", "application/json")), "GET relations"));
                return answered(answer, endpoint, expires, filled, session);
            } catch (IllegalArgumentException e) {
                throw e;
            } catch (RuntimeException e) {
                return unanswered(e, endpoint, filled);
            }
        });
    }

    private ConnectionTestResult answered(HttpAnswer answer, Endpoint endpoint, Optional<LocalDate> expires,
            Map<String, Object> details, RestSession session) {
        String words = ErrorBodies.words(answer.body());
        details.put("status", answer.status());
        if (answer.status() == 401) {
            boolean expired = expires.map(date -> date.isBefore(today())).orElse(false);
            return testResult(false, endpoint, "bad-token", (expired ? "AdminPulse refused the API token: it expired on "
                    + expires.get() + "; make a new one" : "AdminPulse refused the API token (401): it is wrong, revoked or "
                    + "expired; AdminPulse also answers 401 for some tokens without the \"Read relations\" scope, so if "
                    + "the token is right, check that scope") + " (" + TOKEN_PAGE + ")"
                    + (words == null ? "" : " — " + words), details);
        }
        if (answer.status() == 403) {
            return testResult(false, endpoint, "missing-scope", "the API token lacks the \"Read relations\" scope: make "
                    + "a token with it (" + TOKEN_PAGE + ")" + (words == null ? "" : " — " + words), details);
        }
        if (!answer.ok()) {
            return testResult(false, endpoint, "error", AdminPulseTransports.REFUSALS.refused("GET relations", answer)
                    .getMessage(), details);
        }
        long total = session.client().json(answer).path("totalCount").asLong(-1);
        if (total >= 0) {
            details.put("relations", total);
        }
        String expiry = expires.map(date -> {
            long days = ChronoUnit.DAYS.between(today(), date);
            return days < 0 ? "; the token's expiry date (" + date + ") has passed: is options.tokenExpiresOn right?"
                    : "; it expires on " + date + ", in " + days + " day" + (days == 1 ? "" : "s");
        }).orElse("; set options.tokenExpiresOn to the token's expiry date to be warned before it");
        return testResult(true, endpoint, "ok", "the API token reads relations" + (total >= 0 ? " (" + total + ")" : "")
                + expiry, details);
    }

    private static ConnectionTestResult unanswered(RuntimeException failure, Endpoint endpoint, Map<String, Object> details) {
        Optional<Throwable> neverConnected = Reachability.neverConnected(failure);
        if (neverConnected.isPresent()) {
            return testResult(false, endpoint, "refused", "cannot reach AdminPulse at " + endpoint.url() + ": "
                    + Reachability.words(neverConnected.get()), details);
        }
        if (Reachability.timedOut(failure).isPresent()) {
            return testResult(false, endpoint, "timed-out", "AdminPulse at " + endpoint.url() + " did not answer in time",
                    details);
        }
        return testResult(false, endpoint, "error", failure.getMessage() == null ? failure.getClass().getSimpleName()
                : failure.getMessage(), details);
    }

    /** A company is refreshed by its enterprise number, in any spelling. */
    @Override
    public Optional<String> refusesKey(String flow, String key) {
        if (!COMPANIES.equals(flow)) {
            return super.refusesKey(flow, key);
        }
        return AdminPulseSource.vatNumber(key).isPresent() ? Optional.empty()
                : Optional.of("an enterprise number of 10 digits was expected, e.g. 0712.345.678 or BE0712345678");
    }

    /** {@code options.tokenExpiresOn}, when it is a date. */
    static Optional<LocalDate> expiry(Connection connection) {
        Object value = connection.options() == null ? null : connection.options().get(EXPIRES_OPTION);
        if (value == null || value.toString().isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(value.toString().strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<LocalDate> credentialsExpireOn(Connection connection) {
        return expiry(connection);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
