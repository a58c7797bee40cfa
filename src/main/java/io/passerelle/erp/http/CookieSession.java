package io.passerelle.erp.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A cookie session: a sign-in request whose answer sets the cookies every later call sends, and a sign-out
 * that ends it (Acumatica's {@code /entity/auth/login} and {@code /entity/auth/logout}: a session holds one of
 * the tenant's licensed API slots until it signs out). An expired session (401) signs in again, once.
 */
public final class CookieSession implements HttpAuthentication {

    private final RestClient client;
    private final RestRequest signIn;
    private final RestRequest signOut;
    private final Renewal renewal = new Renewal();
    private volatile Map<String, String> cookies;

    public CookieSession(RestClient client, RestRequest signIn, RestRequest signOut) {
        this.client = client;
        this.signIn = signIn;
        this.signOut = signOut;
    }

    @Override
    public CompletableFuture<Void> signIn() {
        return client.send(signIn, "sign-in", NONE).thenAccept(answer -> cookies = Map.of("Cookie", cookieHeader(answer)));
    }

    /** {@code Set-Cookie: a=1; path=/; HttpOnly} and {@code b=2; …} are sent back as {@code Cookie: a=1; b=2}. */
    private static String cookieHeader(HttpAnswer answer) {
        return answer.setCookies().stream().map(cookie -> cookie.split(";", 2)[0].trim()).collect(Collectors.joining("; "));
    }

    @Override
    public CompletableFuture<Map<String, String>> headers() {
        Map<String, String> held = cookies;
        return CompletableFuture.completedFuture(held == null ? Map.of() : held);
    }

    @Override
    public CompletableFuture<Boolean> renew(Map<String, String> rejected) {
        Map<String, String> held = cookies;
        return renewal.renew(rejected.equals(held == null ? Map.of() : held), this::signIn);
    }

    @Override
    public CompletableFuture<Void> signOut() {
        Map<String, String> held = cookies;
        if (held == null) {
            return CompletableFuture.completedFuture(null);
        }
        return client.exchange(signOut.withHeaders(held), "sign-out", NONE)
                .whenComplete((answer, failure) -> cookies = null)
                .thenAccept(answer -> { });
    }

    @Override
    public String kind() {
        return "cookie";
    }
}
