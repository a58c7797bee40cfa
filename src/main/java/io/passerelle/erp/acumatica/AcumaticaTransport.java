package io.passerelle.erp.acumatica;

import io.passerelle.run.RouteTemplates;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;

/** The HTTP route of one Acumatica connection, and calls through it. */
public final class AcumaticaTransport implements AutoCloseable {

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final String routeId;
    private final Endpoint requests;

    private AcumaticaTransport(CamelContext camel, ProducerTemplate producer, String routeId) {
        this.camel = camel;
        this.producer = producer;
        this.routeId = routeId;
        this.requests = camel.getRoute(routeId).getEndpoint();
    }

    static AcumaticaTransport open(CamelContext camel, ProducerTemplate producer, String routeId, String instanceUrl,
            AcumaticaProperties properties) {
        URI base = URI.create(instanceUrl.trim());
        if (base.getScheme() == null || !List.of("http", "https").contains(base.getScheme().toLowerCase())
                || base.getHost() == null) {
            throw new IllegalArgumentException("endpoint URL must look like https://host[/instance], was " + instanceUrl);
        }
        RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, AcumaticaHttpRoutes.TEMPLATE)
                .routeId(routeId)
                .parameter("requestEndpoint", routeId)
                .parameter("baseUrl", instanceUrl.replaceAll("/+$", ""))
                .parameter("connectTimeoutMillis", properties.connectTimeout().toMillis())
                .parameter("responseTimeoutMillis", properties.responseTimeout().toMillis()));
        return new AcumaticaTransport(camel, producer, routeId);
    }

    /**
     * @param path    below the instance, e.g. {@code /entity/Default/24.200.001/Project}
     * @param query   already encoded, or null
     * @param headers HTTP request headers (Cookie, Authorization, Content-Type …)
     */
    public CompletableFuture<HttpAnswer> call(String method, String path, String query, Map<String, String> headers,
            String body) {
        return producer.asyncSend(requests, exchange -> {
            Message in = exchange.getIn();
            headers.forEach(in::setHeader);
            in.setHeader(AcumaticaHttpRoutes.METHOD, method);
            in.setHeader(AcumaticaHttpRoutes.PATH, path);
            in.setHeader(AcumaticaHttpRoutes.QUERY, query);
            in.setBody(body);
        }).thenApply(AcumaticaTransport::answer);
    }

    private static HttpAnswer answer(Exchange exchange) {
        if (exchange.getException() != null) {
            throw new java.util.concurrent.CompletionException(exchange.getException());
        }
        Message out = exchange.getMessage();
        Integer status = out.getHeader(Exchange.HTTP_RESPONSE_CODE, Integer.class);
        return new HttpAnswer(status == null ? 0 : status, out.getBody(String.class), cookies(out.getHeader("Set-Cookie")),
                retryAfter(out.getHeader("Retry-After", String.class)));
    }

    private static List<String> cookies(Object header) {
        List<String> cookies = new ArrayList<>();
        if (header instanceof Iterable<?> values) {
            values.forEach(value -> cookies.add(value.toString()));
        } else if (header != null) {
            cookies.add(header.toString());
        }
        return cookies;
    }

    private static Long retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            camel.getRouteController().stopRoute(routeId);
            camel.removeRoute(routeId);
        } catch (Exception e) {
            throw new IllegalStateException("could not remove route " + routeId, e);
        }
    }
}
