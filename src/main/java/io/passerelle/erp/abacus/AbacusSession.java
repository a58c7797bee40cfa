package io.passerelle.erp.abacus;

import io.passerelle.connection.Connection;
import io.passerelle.erp.http.ClientCredentials;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.erp.http.OAuthToken;
import io.passerelle.erp.http.RestRequest;
import io.passerelle.erp.http.RestSession;
import io.passerelle.run.Futures;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One conversation with one mandant of an Abacus server: the service user's token (shared by the connection's
 * sessions, renewed before its 600 s run out and once after a 401) and the mandant's paths,
 * {@code /api/entity/v1/mandants/{mandant}/{Set}}. Nothing to sign out of.
 */
final class AbacusSession implements AutoCloseable {

    static final String ENTITY_API = "/api/entity/v1/mandants/";
    static final String MANDANT_OPTION = "mandant";
    static final String AMID_OPTION = "amId";
    static final String MANDANT_PATTERN = "[0-9]{1,9}";

    private final RestSession rest;
    private final ClientCredentials credentials;
    private final String server;
    private final String mandant;

    AbacusSession(RestSession rest, ClientCredentials credentials, String server, String mandant) {
        this.rest = rest;
        this.credentials = credentials;
        this.server = server;
        this.mandant = mandant;
    }

    /**
     * The connection's mandant: digits, as Abacus numbers them. Checked here too, not only by the validator: it
     * becomes a path segment.
     */
    static String mandant(Connection connection) {
        Object value = connection.options() == null ? null : connection.options().get(MANDANT_OPTION);
        String text = value == null ? "" : value.toString().strip();
        if (!text.matches(MANDANT_PATTERN)) {
            throw new IllegalArgumentException("options." + MANDANT_OPTION
                    + " must be the number of the Abacus mandant, e.g. 7777");
        }
        return text;
    }

    static String amId(Connection connection) {
        Object value = connection.options() == null ? null : connection.options().get(AMID_OPTION);
        return value == null || value.toString().isBlank() ? null : value.toString().strip();
    }

    /**
     * Gets a token and asks for the mandant: a run fails at once, in words, when the server, the client or the
     * mandant is wrong, instead of at its first page.
     */
    AbacusSession open() {
        try {
            Futures.join(credentials.signIn());
            checkMandant();
            return this;
        } catch (RuntimeException e) {
            throw AbacusFailures.link(e, server, mandant).map(RuntimeException.class::cast).orElse(e);
        }
    }

    /** The mandant's service document; 404 or 403 say the mandant is unknown or not the service user's. */
    void checkMandant() {
        HttpAnswer answer = Futures.join(exchange(RestRequest.get(mandantPath() + "/", Map.of())
                .withHeaders(Map.of("Accept", "application/json")), "GET mandant " + mandant));
        if (answer.status() == 404 || answer.status() == 403 && !String.valueOf(answer.body()).contains("Scope")) {
            throw AbacusFailures.mandant(answer.status(), answer.body(), mandant);
        }
        if (!answer.ok()) {
            throw rest.client().refusals().refused("GET mandant " + mandant, answer);
        }
    }

    OAuthToken token() {
        return Futures.join(credentials.token());
    }

    CompletableFuture<HttpAnswer> exchange(RestRequest request, String what) {
        return rest.exchange(request, what);
    }

    /** {@code /api/entity/v1/mandants/7777}. */
    String mandantPath() {
        return ENTITY_API + mandant;
    }

    String mandantNumber() {
        return mandant;
    }

    String server() {
        return server;
    }

    RestSession rest() {
        return rest;
    }

    @Override
    public void close() {
        rest.close();
    }
}
