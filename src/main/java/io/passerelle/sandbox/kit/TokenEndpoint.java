package io.passerelle.sandbox.kit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.IntFunction;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * An OAuth 2.0 token endpoint (RFC 6749 §4.3, §4.4, §6): client credentials, password and refresh grants,
 * tokens that expire ({@code expires_in}) and hold a licence slot in {@link Sessions}, and error bodies in
 * the ERP's shape. The client authenticates with {@code client_id}/{@code client_secret} form fields or
 * with {@code Authorization: Basic}. Only the grants configured are served; others are
 * {@code unsupported_grant_type}. A client-credentials grant may read the ERP's own parameters (an audience,
 * the organization to log in to) and bind the token to one tenant ({@link ClientGrant}).
 *
 * <pre>{@code
 * TokenEndpoint.builder(sessions)
 *         .client((id, secret) -> id.equals(ID) && secret.equals(SECRET))
 *         .clientCredentialsGrant(requested -> "abacus.entity.employee.read")
 *         .build();
 * }</pre>
 */
public final class TokenEndpoint implements Handler {

    /** RFC 6749 §5.2 error codes. */
    public enum Error {
        INVALID_REQUEST, INVALID_CLIENT, INVALID_GRANT, INVALID_SCOPE, UNSUPPORTED_GRANT_TYPE;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The ERP's token error answer; {@code description} may be null. */
    @FunctionalInterface
    public interface ErrorBodies {
        ErrorAnswer answer(Error error, String description);
    }

    /** The scope granted for the one requested ("" when none was), or null to answer {@code invalid_scope}. */
    @FunctionalInterface
    public interface ScopePolicy {
        String grant(String requested);
    }

    /**
     * A client-credentials grant as the ERP decides it from the client and every parameter of the request: the
     * scope granted and the tenant the token is valid for (null: none in particular).
     */
    public record Grant(String scope, String tenant) {
    }

    /**
     * Decides a client-credentials grant for an authenticated client: the {@link Grant}, null to answer
     * {@code invalid_scope}, or a thrown {@link ErrorAnswer} for the ERP's own refusals (an unknown audience, an
     * organization the client is not connected to).
     */
    @FunctionalInterface
    public interface ClientGrant {
        Grant grant(String clientId, Map<String, String> parameters);
    }

    private final Sessions sessions;
    private final IntSupplier slots;
    private final BiPredicate<String, String> client;
    private final BiPredicate<String, String> user;
    private final ScopePolicy passwordScopes;
    private final Predicate<String> refreshFor;
    private final ClientGrant clientCredentials;
    private final boolean refreshGrant;
    private final boolean acceptJson;
    private final ErrorBodies errors;
    private final IntFunction<ErrorAnswer> limitReached;
    private final RequestCounters counters;

    private TokenEndpoint(Builder b) {
        this.sessions = Objects.requireNonNull(b.sessions, "sessions");
        this.slots = b.slots;
        this.client = Objects.requireNonNull(b.client, "client");
        this.user = b.user;
        this.passwordScopes = b.passwordScopes;
        this.refreshFor = b.refreshFor;
        this.clientCredentials = b.clientCredentials;
        this.refreshGrant = b.refreshGrant;
        this.acceptJson = b.acceptJson;
        this.errors = b.errors;
        this.limitReached = b.limitReached;
        this.counters = b.counters;
    }

    public static Builder builder(Sessions sessions) {
        return new Builder(sessions);
    }

    /** RFC 6749's body, {@code {"error": "...", "error_description": "..."}}: 400, or the given status for a bad client. */
    public static ErrorBodies rfc6749(int invalidClientStatus) {
        return (error, description) -> {
            ObjectNode body = SimulatorJson.HTTP.createObjectNode();
            body.put("error", error.code());
            if (description != null) {
                body.put("error_description", description);
            }
            return new ErrorAnswer(error == Error.INVALID_CLIENT ? invalidClientStatus : 400, body);
        };
    }

    @Override
    public Answer handle(Request request) {
        Map<String, String> form = form(request);
        String clientId = form.get("client_id");
        String clientSecret = form.get("client_secret");
        Request.Credentials basic = clientId == null ? request.basicCredentials() : null;
        if (basic != null) {
            clientId = basic.name();
            clientSecret = basic.secret();
        }
        if (clientId == null || clientSecret == null || !client.test(clientId, clientSecret)) {
            throw errors.answer(Error.INVALID_CLIENT, null);
        }
        String grant = String.valueOf(form.get("grant_type"));
        int limit = slots.getAsInt();
        Sessions.Issued issued;
        try {
            issued = switch (grant) {
                case "password" -> passwordGrant(form, limit);
                case "client_credentials" -> clientCredentialsGrant(clientId, form, limit);
                case "refresh_token" -> refreshGrant(form, limit);
                default -> throw errors.answer(Error.UNSUPPORTED_GRANT_TYPE, null);
            };
        } catch (Sessions.LimitReached e) {
            throw limitReached.apply(limit);
        }
        counters.tokenIssued(grant);
        ObjectNode answer = SimulatorJson.HTTP.createObjectNode();
        answer.put("access_token", issued.session().accessToken());
        answer.put("expires_in", sessions.tokenTtl().toSeconds());
        answer.put("token_type", "Bearer");
        if (issued.refreshToken() != null) {
            answer.put("refresh_token", issued.refreshToken());
        }
        answer.put("scope", issued.scope());
        return Answer.json(200, answer, Map.of("Cache-Control", "no-store", "Pragma", "no-cache"));
    }

    private Sessions.Issued passwordGrant(Map<String, String> form, int limit) {
        if (user == null) {
            throw errors.answer(Error.UNSUPPORTED_GRANT_TYPE, null);
        }
        String scope = grantScope(passwordScopes, form);
        if (!user.test(String.valueOf(form.get("username")), form.get("password"))) {
            throw errors.answer(Error.INVALID_GRANT, "invalid_username_or_password");
        }
        return sessions.openTokenSession(limit, scope, refreshFor.test(scope));
    }

    private Sessions.Issued clientCredentialsGrant(String clientId, Map<String, String> form, int limit) {
        if (clientCredentials == null) {
            throw errors.answer(Error.UNSUPPORTED_GRANT_TYPE, null);
        }
        Grant grant = clientCredentials.grant(clientId, form);
        if (grant == null) {
            throw errors.answer(Error.INVALID_SCOPE, null);
        }
        return sessions.openTokenSession(limit, grant.scope(), grant.tenant(), false);
    }

    private Sessions.Issued refreshGrant(Map<String, String> form, int limit) {
        if (!refreshGrant) {
            throw errors.answer(Error.UNSUPPORTED_GRANT_TYPE, null);
        }
        Sessions.Issued issued = sessions.refresh(String.valueOf(form.get("refresh_token")), limit);
        if (issued == null) {
            throw errors.answer(Error.INVALID_GRANT, null);
        }
        return issued;
    }

    private String grantScope(ScopePolicy policy, Map<String, String> form) {
        String granted = policy.grant(form.getOrDefault("scope", ""));
        if (granted == null) {
            throw errors.answer(Error.INVALID_SCOPE, null);
        }
        return granted;
    }

    private Map<String, String> form(Request request) {
        if (request.contentTypeIs("application/x-www-form-urlencoded")) {
            return request.form();
        }
        if (acceptJson && request.contentTypeIs("application/json")) {
            JsonNode body = request.json();
            Map<String, String> out = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = body.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isValueNode()) {
                    out.put(field.getKey(), field.getValue().asText());
                }
            }
            return out;
        }
        throw errors.answer(Error.INVALID_REQUEST, "The token request must be application/x-www-form-urlencoded"
                + (acceptJson ? " or application/json." : "."));
    }

    public static final class Builder {
        private final Sessions sessions;
        private IntSupplier slots = () -> Sessions.UNLIMITED;
        private BiPredicate<String, String> client;
        private BiPredicate<String, String> user;
        private ScopePolicy passwordScopes;
        private Predicate<String> refreshFor = scope -> false;
        private ClientGrant clientCredentials;
        private boolean refreshGrant;
        private boolean acceptJson;
        private ErrorBodies errors = rfc6749(401);
        private IntFunction<ErrorAnswer> limitReached;
        private RequestCounters counters = new RequestCounters();

        private Builder(Sessions sessions) {
            this.sessions = sessions;
        }

        /** Whether the client id and secret are right. */
        public Builder client(BiPredicate<String, String> check) {
            this.client = check;
            return this;
        }

        /** The licence limit at the time of the request (it may be changed by a fault). */
        public Builder slots(IntSupplier limit) {
            this.slots = limit;
            return this;
        }

        /**
         * Serves {@code grant_type=password}: {@code user} checks the user name and password, {@code scopes}
         * grants the scope, and a refresh token comes with the token when {@code refreshFor} the granted scope.
         */
        public Builder passwordGrant(BiPredicate<String, String> user, ScopePolicy scopes, Predicate<String> refreshFor) {
            this.user = user;
            this.passwordScopes = scopes;
            this.refreshFor = refreshFor;
            return this;
        }

        /** Serves {@code grant_type=client_credentials}, never with a refresh token. */
        public Builder clientCredentialsGrant(ScopePolicy scopes) {
            return clientCredentialsGrant((clientId, parameters) -> {
                String scope = scopes.grant(parameters.getOrDefault("scope", ""));
                return scope == null ? null : new Grant(scope, null);
            });
        }

        /** Serves {@code grant_type=client_credentials} as {@code grant} decides, never with a refresh token. */
        public Builder clientCredentialsGrant(ClientGrant grant) {
            this.clientCredentials = grant;
            return this;
        }

        /** Serves {@code grant_type=refresh_token}: refresh tokens are single-use and rotate. */
        public Builder refreshGrant() {
            this.refreshGrant = true;
            return this;
        }

        /** Also takes the parameters as a JSON object (24SevenOffice's token endpoint does). */
        public Builder acceptJson() {
            this.acceptJson = true;
            return this;
        }

        /** The ERP's error bodies; RFC 6749's with 401 for a bad client by default. */
        public Builder errors(ErrorBodies errors) {
            this.errors = errors;
            return this;
        }

        /** The answer when every licence slot is taken, given the limit; by default {@code invalid_grant}. */
        public Builder limitReached(IntFunction<ErrorAnswer> answer) {
            this.limitReached = answer;
            return this;
        }

        /** Where issued tokens are counted ({@link RequestCounters#tokensIssued}). */
        public Builder counters(RequestCounters counters) {
            this.counters = counters;
            return this;
        }

        public TokenEndpoint build() {
            if (limitReached == null) {
                ErrorBodies bodies = errors;
                limitReached = limit -> bodies.answer(Error.INVALID_GRANT,
                        "The number of concurrent sessions (" + limit + ") has been reached.");
            }
            return new TokenEndpoint(this);
        }
    }
}
