package io.passerelle.erp.abacus;

import io.passerelle.erp.http.ErrorBodies;
import io.passerelle.erp.http.Reachability;
import io.passerelle.erp.http.RestRefusedException;
import io.passerelle.run.Causes;
import java.util.Map;
import java.util.Optional;

/**
 * Which step of reaching a mandant a failure belongs to, in the words the link and the connection test show. A
 * failure that is not the link's (a page that does not map, a booking Abacus refused) is none of them.
 */
final class AbacusFailures {

    static final String OPEN_THE_PORT = "check that the server is set up and its port is open";

    private AbacusFailures() {
    }

    /**
     * The link's failure, or empty.
     *
     * @param server  the server's URL, for the words; null when unknown (a run's failure seen from outside)
     * @param mandant the mandant, likewise
     */
    static Optional<AbacusLinkException> link(Throwable failure, String server, String mandant) {
        Throwable cause = Causes.unwrap(failure);
        Optional<AbacusLinkException> already = Causes.find(cause, AbacusLinkException.class);
        if (already.isPresent()) {
            return already;
        }
        String at = server == null ? "the Abacus server" : "the Abacus server at " + server;
        Optional<Throwable> neverConnected = Reachability.neverConnected(cause);
        if (neverConnected.isPresent()) {
            return Optional.of(new AbacusLinkException(AbacusLinkException.Kind.UNREACHABLE, "cannot reach " + at + ": "
                    + OPEN_THE_PORT + " (" + Reachability.words(neverConnected.get()) + ")", cause));
        }
        if (Reachability.timedOut(cause).isPresent()) {
            return Optional.of(new AbacusLinkException(AbacusLinkException.Kind.TIMED_OUT,
                    at + " did not answer in time: " + OPEN_THE_PORT, cause));
        }
        return Causes.find(cause, RestRefusedException.class).flatMap(refused -> refusal(refused, mandant));
    }

    private static Optional<AbacusLinkException> refusal(RestRefusedException refused, String mandant) {
        String code = refused.code();
        if ("invalid_client".equals(code) || "unauthorized_client".equals(code)) {
            return Optional.of(new AbacusLinkException(AbacusLinkException.Kind.BAD_CREDENTIALS,
                    "Abacus refused the client id or secret (" + code + "): check the service user's OAuth client "
                            + "in Abacus and the connection's credentials clientId and clientSecret", refused));
        }
        if ("invalid_scope".equals(code)) {
            return Optional.of(new AbacusLinkException(AbacusLinkException.Kind.MISSING_SCOPE,
                    "the service user holds none of the scopes Passerelle asks for (" + AbacusScopes.requested()
                            + "): grant them to it in Abacus", refused));
        }
        if (refused.status() == 401) {
            return Optional.of(new AbacusLinkException(AbacusLinkException.Kind.BAD_CREDENTIALS,
                    "Abacus refused the access token, also a new one: check the service user's OAuth client", refused));
        }
        if (refused.status() == 403) {
            Optional<Map.Entry<String, String>> scope = AbacusScopes.namedIn(refused.getMessage());
            return Optional.of(scope.isPresent()
                    ? new AbacusLinkException(AbacusLinkException.Kind.MISSING_SCOPE,
                            AbacusScopes.sentence(scope.get().getKey(), scope.get().getValue())
                                    + ": grant it to the service user in Abacus", refused)
                    : new AbacusLinkException(AbacusLinkException.Kind.MANDANT_NOT_AUTHORISED,
                            "the service user may not use mandant " + (mandant == null ? "" : mandant + " ")
                                    + "(" + refused.getMessage() + "): authorise it for the mandant in Abacus", refused));
        }
        return Optional.empty();
    }

    /** A 404 or 403 on the mandant's service document. */
    static AbacusLinkException mandant(int status, String body, String mandant) {
        String words = ErrorBodies.words(body);
        if (status == 404) {
            return new AbacusLinkException(AbacusLinkException.Kind.UNKNOWN_MANDANT, "mandant " + mandant
                    + " is unknown on this Abacus server, or not enabled for the Entity API or for this service user"
                    + (words == null ? "" : " (" + words + ")") + ": check options.mandant", null);
        }
        return new AbacusLinkException(AbacusLinkException.Kind.MANDANT_NOT_AUTHORISED, "the service user may not "
                + "use mandant " + mandant + (words == null ? "" : " (" + words + ")")
                + ": authorise it for the mandant in Abacus", null);
    }
}
