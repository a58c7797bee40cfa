package io.passerelle.erp.http;

import io.passerelle.run.RouteTemplates;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** The HTTP route of one base URL (a connection's endpoint, a token host), and calls through it. */
public final class RestTransport implements AutoCloseable {

    /** What a client acts on; other headers of an answer are not kept (the request's own, a credential among them, neither). */
    static final List<String> ANSWER_HEADERS = List.of("Set-Cookie", "Retry-After", "Link", "Location", "WWW-Authenticate",
            "Content-Type");

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final String routeId;
    private final URI base;
    private final Endpoint requests;
    private final RequestBudget budget;

    private RestTransport(CamelContext camel, ProducerTemplate producer, String routeId, URI base, RequestBudget budget) {
        this.camel = camel;
        this.producer = producer;
        this.routeId = routeId;
        this.base = base;
        this.requests = camel.getRoute(routeId).getEndpoint();
        this.budget = budget;
    }

    /**
     * Makes the route {@code routeId} to {@code baseUrl} from {@link RestHttpRoutes#TEMPLATE}.
     *
     * @throws IllegalArgumentException when {@code baseUrl} is not an http(s) URL with a host
     */
    public static RestTransport open(CamelContext camel, ProducerTemplate producer, String routeId, String baseUrl,
            Duration connectTimeout, Duration responseTimeout) {
        return open(camel, producer, routeId, baseUrl, connectTimeout, responseTimeout, RequestBudget.unlimited());
    }

    /** As above, every call (and every retry of one) waiting for its slot in {@code budget} first. */
    public static RestTransport open(CamelContext camel, ProducerTemplate producer, String routeId, String baseUrl,
            Duration connectTimeout, Duration responseTimeout, RequestBudget budget) {
        URI base = base(baseUrl);
        RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, RestHttpRoutes.TEMPLATE)
                .routeId(routeId)
                .parameter("requestEndpoint", routeId)
                .parameter("baseUrl", base.toString())
                .parameter("connectTimeoutMillis", connectTimeout.toMillis())
                .parameter("responseTimeoutMillis", responseTimeout.toMillis()));
        return new RestTransport(camel, producer, routeId, base, budget);
    }

    private static URI base(String url) {
        URI base;
        try {
            base = URI.create(url.trim().replaceAll("/+$", ""));
        } catch (IllegalArgumentException e) {
            base = null;
        }
        if (base == null || base.getScheme() == null || !List.of("http", "https").contains(base.getScheme().toLowerCase(Locale.ROOT))
                || base.getHost() == null) {
            throw new IllegalArgumentException("endpoint URL must look like https://host[/instance], was " + url);
        }
        return base;
    }

    public URI base() {
        return base;
    }

    public CompletableFuture<HttpAnswer> call(RestRequest request) {
        return budget.admit().thenCompose(admitted -> send(request));
    }

    private CompletableFuture<HttpAnswer> send(RestRequest request) {
        return producer.asyncSend(requests, exchange -> {
            Message in = exchange.getIn();
            request.headers().forEach(in::setHeader);
            in.setHeader(RestHttpRoutes.METHOD, request.method());
            in.setHeader(RestHttpRoutes.PATH, request.path());
            in.setHeader(RestHttpRoutes.QUERY, request.query());
            in.setBody(request.body());
        }).thenApply(RestTransport::answer);
    }

    /**
     * A GET of a link the ERP gave (an OData next link, a {@code Link: rel="next"}), verbatim. It must stay on
     * this transport's scheme, host and port and below its base path: the request carries the connection's
     * credential, which must not go anywhere else.
     *
     * @throws IllegalStateException when the link leads elsewhere
     */
    public RestRequest follow(String link) {
        URI target;
        try {
            target = base.resolve(URI.create(link.trim()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the ERP's next link is not a URL: " + excerpt(link));
        }
        String basePath = base.getRawPath() == null ? "" : base.getRawPath();
        String path = target.getRawPath() == null ? "" : target.getRawPath();
        boolean sameOrigin = Objects.equals(scheme(target), scheme(base)) && base.getHost().equalsIgnoreCase(target.getHost())
                && port(target) == port(base);
        if (!sameOrigin || !(path.equals(basePath) || path.startsWith(basePath + "/"))) {
            throw new IllegalStateException("refused to follow the ERP's next link to " + target.getScheme() + "://"
                    + target.getRawAuthority() + path + ": it leaves " + base);
        }
        return new RestRequest("GET", path.substring(basePath.length()), target.getRawQuery(), Map.of(), null);
    }

    private static String scheme(URI uri) {
        return uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(scheme(uri)) ? 443 : 80;
    }

    private static String excerpt(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "…" : text;
    }

    private static HttpAnswer answer(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new CompletionException(exchange.getException());
        }
        Message out = exchange.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : ANSWER_HEADERS) {
            List<String> values = values(out.getHeader(name));
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return new HttpAnswer(status == null ? 0 : status, out.getBody(String.class), headers);
    }

    private static List<String> values(Object header) {
        List<String> values = new ArrayList<>();
        if (header instanceof Iterable<?> many) {
            many.forEach(value -> values.add(value.toString()));
        } else if (header != null) {
            values.add(header.toString());
        }
        return values;
    }

    @Override
    public void close() {
        RouteTemplates.remove(camel, routeId);
    }
}
