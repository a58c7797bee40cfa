package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.erp.avantage.codec.MainTcpCodec;
import io.passerelle.erp.avantage.codec.MainTcpException;
import io.passerelle.erp.avantage.codec.PipelinedCorrelationManager;
import io.passerelle.run.Causes;
import io.passerelle.run.RouteTemplates;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Endpoint;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.TemplatedRouteBuilder;

/**
 * One MainTCP endpoint of one connection: a route made from {@link AvantageTransportRoutes#TEMPLATE},
 * request ids unique on it, and at most {@code maxInFlight} requests outstanding.
 */
public final class AvantageTransport implements AutoCloseable {

    private final MainTcpCodec codec;
    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final String routeId;
    private final Endpoint requests;
    private final Semaphore inFlight;
    private final long requestTimeoutMillis;
    private final AtomicLong ids = new AtomicLong();

    private AvantageTransport(CamelContext camel, ProducerTemplate producer, String routeId, MainTcpCodec codec,
            int maxInFlight, long requestTimeoutMillis) {
        this.codec = codec;
        this.camel = camel;
        this.producer = producer;
        this.routeId = routeId;
        this.requests = camel.getRoute(routeId).getEndpoint();
        this.inFlight = new Semaphore(maxInFlight);
        this.requestTimeoutMillis = requestTimeoutMillis;
    }

    static AvantageTransport open(CamelContext camel, ProducerTemplate producer, String routeId, AvantageAddress address,
            MainTcpCodec codec, AvantageProperties properties) {
        PipelinedCorrelationManager correlation = new PipelinedCorrelationManager(properties.requestTimeout().toMillis());
        RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, AvantageTransportRoutes.TEMPLATE)
                .routeId(routeId)
                .parameter("requestEndpoint", routeId)
                .parameter("host", address.host())
                .parameter("port", address.port())
                .parameter("connectTimeoutMillis", properties.connectTimeout().toMillis())
                .bean("encoder", codec.encoder())
                .bean("greetingGate", codec.greetingGate())
                .bean("decoder", codec.decoder())
                .bean("correlationManager", correlation));
        return new AvantageTransport(camel, producer, routeId, codec, properties.maxInFlight(),
                properties.requestTimeout().toMillis());
    }

    /** Sends a request (its {@code id} is set here) and completes with the server's answer. */
    public CompletableFuture<JsonNode> send(ObjectNode request) {
        request.put("id", ids.incrementAndGet());
        try {
            if (!inFlight.tryAcquire(requestTimeoutMillis, TimeUnit.MILLISECONDS)) {
                return CompletableFuture.failedFuture(new IllegalStateException(
                        "Avantage connection saturated: no answer to " + inFlight.availablePermits() + " requests in time"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CompletableFuture.failedFuture(e);
        }
        return producer.asyncRequestBody(requests, request)
                .handle((answer, failure) -> {
                    inFlight.release();
                    if (failure != null) {
                        throw new java.util.concurrent.CompletionException(explain(Causes.unwrap(failure)));
                    }
                    return (JsonNode) answer;
                });
    }

    /** A channel the server closed while refusing our greeting fails with the server's words, not Netty's. */
    private Throwable explain(Throwable failure) {
        MainTcpException refusal = codec.lastRefusal();
        return failure instanceof java.nio.channels.ClosedChannelException && refusal != null ? refusal : failure;
    }

    @Override
    public void close() {
        RouteTemplates.remove(camel, routeId);
    }
}
