package io.passerelle.erp.http;

import io.passerelle.run.Causes;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * What a failure without an HTTP answer says of the ERP's server, for connection tests, links and write outcomes: no
 * connection was made (refused, unknown host, no route, a connect timeout), or the server did not answer in time.
 */
public final class Reachability {

    private Reachability() {
    }

    /** The cause that shows no connection was ever made, when there is one: nothing can have reached the ERP. */
    public static Optional<Throwable> neverConnected(Throwable failure) {
        for (Throwable link : Causes.chain(failure)) {
            if (link instanceof ConnectException || link instanceof UnknownHostException
                    || link instanceof NoRouteToHostException || link.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /** The cause that shows the server took too long (connecting or answering), when there is one. */
    public static Optional<Throwable> timedOut(Throwable failure) {
        for (Throwable link : Causes.chain(failure)) {
            if (link.getClass().getSimpleName().contains("Timeout")) {
                return Optional.of(link);
            }
        }
        return Optional.empty();
    }

    /** {@code ConnectException: Connection refused}: the cause in words for a message. */
    public static String words(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
