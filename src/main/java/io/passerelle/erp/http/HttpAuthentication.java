package io.passerelle.erp.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * How a session proves who it is: it signs in, decorates every request, reacts to a 401 once, and signs out at
 * the end where the protocol has a sign-out. What it holds (cookies, tokens, keys) is never logged nor shown.
 */
public interface HttpAuthentication {

    /** Before the first call: signs in, or gets (or reuses) a token. Nothing to do by default. */
    default CompletableFuture<Void> signIn() {
        return CompletableFuture.completedFuture(null);
    }

    /** The headers the next request carries; a token close to its expiry is renewed first. */
    CompletableFuture<Map<String, String>> headers();

    /**
     * The ERP answered 401 to a request that carried {@code rejected}: renews what it holds, unless another call
     * already did. Completes with false when there is nothing to renew (the 401 stands), as by default.
     */
    default CompletableFuture<Boolean> renew(Map<String, String> rejected) {
        return CompletableFuture.completedFuture(false);
    }

    /** At the session's end: gives back what the sign-in took (Acumatica's licence slot). Nothing by default. */
    default CompletableFuture<Void> signOut() {
        return CompletableFuture.completedFuture(null);
    }

    /** {@code cookie}, {@code oauth2}, {@code client-credentials}, {@code api-key}: for a connection test's details. */
    String kind();

    /** No authentication: sign-in and token requests themselves, public endpoints. */
    HttpAuthentication NONE = new HttpAuthentication() {
        @Override
        public CompletableFuture<Map<String, String>> headers() {
            return CompletableFuture.completedFuture(Map.of());
        }

        @Override
        public String kind() {
            return "none";
        }
    };
}
