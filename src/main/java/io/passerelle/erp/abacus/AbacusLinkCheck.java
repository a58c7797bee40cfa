package io.passerelle.erp.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.erp.http.ErrorBodies;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.erp.http.HttpAuthentication;
import io.passerelle.erp.http.OAuthToken;
import io.passerelle.erp.http.RestRequest;
import io.passerelle.run.Futures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A connection test as the seed's administrator lives it, one step after the other, stopping at the first that
 * fails and saying which: the server answers (set up, port open), the service user's client id and secret buy a
 * token, the mandant exists and is the service user's, and every flow has its scope. Each step is in the details.
 */
final class AbacusLinkCheck {

    /** @param kind the test's {@code result}: {@code ok}, or what failed */
    record Outcome(boolean ok, String kind, String message, Map<String, Object> details) {
    }

    private final AbacusSession session;
    private final String amId;
    private final List<Map<String, Object>> steps = new ArrayList<>();
    private final Map<String, Object> details;

    AbacusLinkCheck(AbacusSession session, String amId, Map<String, Object> details) {
        this.session = session;
        this.amId = amId;
        this.details = details;
        details.put("mandant", session.mandantNumber());
        if (amId != null) {
            details.put("amId", amId);
        }
        details.put("steps", steps);
    }

    Outcome run() {
        try {
            server();
            OAuthToken token = token();
            session.checkMandant();
            step("mandant", true, "mandant " + session.mandantNumber() + " answers");
            Map<String, String> missing = scopes(token);
            if (!missing.isEmpty()) {
                details.put("missingScopes", missing);
                String words = String.join("; ", missing.entrySet().stream()
                        .map(e -> AbacusScopes.sentence(e.getKey(), e.getValue())).toList());
                step("scopes", false, words);
                return new Outcome(false, AbacusLinkException.Kind.MISSING_SCOPE.result,
                        words + ": grant " + (missing.size() == 1 ? "it" : "them") + " to the service user in Abacus", details);
            }
            step("scopes", true, "every flow has its scope");
            return new Outcome(true, "ok", "linked to Abacus" + (amId == null ? "" : ", AmID " + amId) + ", mandant "
                    + session.mandantNumber() + ": " + String.join(", ", AbacusScopes.BY_FLOW.keySet()) + " may run",
                    details);
        } catch (RuntimeException e) {
            AbacusLinkException failed = AbacusFailures.link(e, session.server(), session.mandantNumber())
                    .orElseGet(() -> new AbacusLinkException(AbacusLinkException.Kind.ERROR,
                            e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e));
            step(failedStep(failed.kind()), false, failed.getMessage());
            return new Outcome(false, failed.kind().result, failed.getMessage(), details);
        }
    }

    /** Any HTTP answer means the server is there; its OpenID configuration names its token endpoint. */
    private void server() {
        HttpAnswer answer = Futures.join(session.rest().client().exchange(
                RestRequest.get(AbacusTransports.DISCOVERY_PATH, Map.of()).withHeaders(Map.of("Accept", "application/json")),
                "GET openid-configuration", HttpAuthentication.NONE));
        JsonNode configuration = answer.ok() ? ErrorBodies.parse(answer.body()) : null;
        if (configuration != null && configuration.path("token_endpoint").isTextual()) {
            details.put("tokenEndpoint", configuration.path("token_endpoint").asText());
        }
        step("server", true, "the server at " + session.server() + " answers");
    }

    private OAuthToken token() {
        OAuthToken token = session.token();
        details.put("signIn", "client-credentials");
        if (token.scope() != null) {
            details.put("grantedScopes", token.scope());
        }
        step("token", true, "the service user's client id and secret were accepted");
        return token;
    }

    /**
     * Missing scopes by flow: read from the token's answer, and checked by reading one entity of each inbound set (a
     * 403 names the scope); the bookings' write scope can only be read from the token, or is assumed when it names none.
     */
    private Map<String, String> scopes(OAuthToken token) {
        Set<String> granted = token.scope() == null ? Set.copyOf(AbacusScopes.BY_FLOW.values().stream()
                .map(AbacusScopes.Need::scope).toList()) : token.scopes();
        Map<String, String> missing = new LinkedHashMap<>(AbacusScopes.missing(granted));
        AbacusScopes.BY_FLOW.forEach((flow, need) -> {
            if (missing.containsKey(flow) || need.set().equals(AbacusScopes.BOOKINGS)) {
                return;
            }
            HttpAnswer answer = Futures.join(session.exchange(RestRequest.get(session.mandantPath() + "/" + need.set(),
                    Map.of("$top", "1")).withHeaders(Map.of("Accept", "application/json")), "GET " + need.set()));
            if (answer.status() == 403) {
                missing.put(flow, need.scope());
            } else if (!answer.ok()) {
                throw AbacusTransports.REFUSALS.refused("GET " + need.set(), answer);
            }
        });
        return missing;
    }

    private static String failedStep(AbacusLinkException.Kind kind) {
        return switch (kind) {
            case UNREACHABLE, TIMED_OUT -> "server";
            case BAD_CREDENTIALS -> "token";
            case UNKNOWN_MANDANT, MANDANT_NOT_AUTHORISED -> "mandant";
            case MISSING_SCOPE -> "scopes";
            case ERROR -> "error";
        };
    }

    private void step(String name, boolean ok, String message) {
        Map<String, Object> step = new LinkedHashMap<>();
        step.put("step", name);
        step.put("ok", ok);
        step.put("message", message);
        steps.add(step);
    }
}
