package io.passerelle.erp.http;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.apache.camel.component.http.HttpClientConfigurer;
import org.apache.hc.client5.http.impl.DefaultHttpRequestRetryStrategy;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.HttpResponse;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.apache.hc.core5.util.TimeValue;

/**
 * The HTTP client of the REST routes, as the kit needs it rather than as Apache HttpClient defaults it:
 * <ul>
 * <li>no retry of a 429 or 503 answer: HttpClient's own sleeps on a Camel thread for the whole Retry-After
 * (an hour if asked), and is not counted; the kit waits without a thread ({@link RetryPolicy});</li>
 * <li>a GET whose connection broke before any answer (a pooled connection the server had closed) is sent again
 * once; a write never is: whether it was stored is the export's question to ask;</li>
 * <li>no cookie jar: a session's cookies are its own ({@link CookieSession}), never sent with another
 * session's or another tenant's calls on the same host.</li>
 * </ul>
 */
final class RestHttpClient implements HttpClientConfigurer {

    static final String BEAN = "passerelleRestHttpClient";
    private static final Set<String> RESENDABLE = Set.of("GET", "HEAD");

    @Override
    public void configureHttpClient(HttpClientBuilder client) {
        client.disableCookieManagement().setRetryStrategy(new ReadsResentOnce());
    }

    private static final class ReadsResentOnce extends DefaultHttpRequestRetryStrategy {

        ReadsResentOnce() {
            super(1, TimeValue.ZERO_MILLISECONDS);
        }

        @Override
        public boolean retryRequest(HttpRequest request, IOException exception, int execCount, HttpContext context) {
            return RESENDABLE.contains(request.getMethod().toUpperCase(Locale.ROOT))
                    && super.retryRequest(request, exception, execCount, context);
        }

        @Override
        public boolean retryRequest(HttpResponse response, int execCount, HttpContext context) {
            return false;
        }
    }
}
