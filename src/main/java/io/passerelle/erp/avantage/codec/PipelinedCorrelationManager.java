package io.passerelle.erp.avantage.codec;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.ExchangeTimedOutException;
import org.apache.camel.component.netty.NettyCamelState;
import org.apache.camel.component.netty.NettyCamelStateCorrelationManager;
import org.apache.camel.support.service.ServiceSupport;

/**
 * Matches MainTCP responses to requests by {@code id}, so that up to 64 requests share one channel
 * and answers may come in any order. Unlike Camel's TimeoutCorrelationManagerSupport, a channel that
 * fails or closes fails every request in flight on it at once (their outcome is unknown), instead
 * of leaving them to time out one by one.
 */
public class PipelinedCorrelationManager extends ServiceSupport
        implements NettyCamelStateCorrelationManager, CamelContextAware {

    private final long timeoutMillis;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private CamelContext camelContext;
    private ScheduledExecutorService sweeper;
    private ScheduledFuture<?> sweep;

    private record InFlight(NettyCamelState state, Channel channel, long deadlineNanos) {
    }

    public PipelinedCorrelationManager(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public void putState(Channel channel, NettyCamelState state) {
        String id = requestId(state.getExchange().getMessage().getBody());
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        if (inFlight.putIfAbsent(id, new InFlight(state, channel, deadline)) != null) {
            throw new IllegalStateException("request id " + id + " is already in flight");
        }
    }

    @Override
    public void removeState(ChannelHandlerContext ctx, Channel channel) {
        // states leave when their answer or their channel's failure arrives
    }

    @Override
    public NettyCamelState getState(ChannelHandlerContext ctx, Channel channel, Object msg) {
        if (!(msg instanceof JsonNode response) || !response.hasNonNull("id")) {
            return null;
        }
        InFlight entry = inFlight.remove(response.get("id").asText());
        return entry == null ? null : entry.state();
    }

    /** The channel failed ({@code cause}) or closed ({@code cause == null}): fail all its requests. */
    @Override
    public NettyCamelState getState(ChannelHandlerContext ctx, Channel channel, Throwable cause) {
        Throwable reason = cause != null ? unwrap(cause) : MainTcpChannel.closedByServer(channel);
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext();) {
            InFlight entry = it.next();
            if (entry.channel() == channel) {
                it.remove();
                entry.state().getExchange().setException(reason);
                entry.state().callbackDoneOnce(false);
            }
        }
        if (cause != null) {
            channel.close();
        }
        return null;
    }

    public int inFlightCount() {
        return inFlight.size();
    }

    private static Throwable unwrap(Throwable cause) {
        Throwable current = cause;
        while (!(current instanceof MainTcpException) && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current instanceof MainTcpException ? current : cause;
    }

    private static String requestId(Object body) {
        if (body instanceof JsonNode request && request.hasNonNull("id")) {
            return request.get("id").asText();
        }
        throw new IllegalArgumentException("a MainTCP request needs an id");
    }

    private void expire() {
        long now = System.nanoTime();
        for (Iterator<InFlight> it = inFlight.values().iterator(); it.hasNext();) {
            InFlight entry = it.next();
            if (now - entry.deadlineNanos() > 0) {
                it.remove();
                entry.state().getExchange().setException(
                        new ExchangeTimedOutException(entry.state().getExchange(), timeoutMillis));
                entry.state().callbackDoneOnce(false);
            }
        }
    }

    @Override
    protected void doStart() {
        sweeper = camelContext.getExecutorServiceManager().newSingleThreadScheduledExecutor(this, "avantage-timeouts");
        long period = Math.max(50, Math.min(1000, timeoutMillis / 4));
        sweep = sweeper.scheduleWithFixedDelay(this::expire, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        if (sweep != null) {
            sweep.cancel(false);
        }
        if (sweeper != null) {
            camelContext.getExecutorServiceManager().shutdown(sweeper);
        }
    }

    @Override
    public CamelContext getCamelContext() {
        return camelContext;
    }

    @Override
    public void setCamelContext(CamelContext camelContext) {
        this.camelContext = camelContext;
    }
}
