package io.passerelle.sandbox.kit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server (the JDK's) on one port, answering through a {@link Router}. A delayed answer
 * ({@link Faults#delayNext}) is handled at once and sent later, so that a write is stored before the client
 * gives up waiting, as on a slow real server.
 */
public final class HttpSimulatorServer {

    private final Router router;
    private HttpServer server;
    private ExecutorService workers;
    private ScheduledExecutorService delayer;
    private volatile int boundPort = -1;

    public HttpSimulatorServer(Router router) {
        this.router = router;
    }

    /** Binds {@code host:port} (0: a free port) and starts serving. */
    public synchronized void start(String host, int port) {
        if (server != null) {
            throw new IllegalStateException("already started");
        }
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 128);
        } catch (IOException e) {
            throw new IllegalStateException("cannot bind the " + router.name() + " simulator to " + host + ":" + port, e);
        }
        String threads = router.name().toLowerCase(Locale.ROOT) + "-sim-";
        workers = Executors.newFixedThreadPool(Math.max(4, Runtime.getRuntime().availableProcessors()),
                daemon(threads + "worker"));
        delayer = Executors.newSingleThreadScheduledExecutor(daemon(threads + "delay"));
        server.setExecutor(workers);
        server.createContext("/", this::handle);
        server.start();
        boundPort = server.getAddress().getPort();
    }

    /** Stops listening; answers whether it was running. Idempotent. */
    public synchronized boolean stop() {
        if (server == null) {
            return false;
        }
        server.stop(0);
        workers.shutdownNow();
        delayer.shutdownNow();
        server = null;
        boundPort = -1;
        return true;
    }

    public int port() {
        int port = boundPort;
        if (port < 0) {
            throw new IllegalStateException("simulator not started");
        }
        return port;
    }

    private void handle(HttpExchange exchange) {
        Answer answer = router.dispatch(exchange);
        Duration delay = router.faults().takeDelay();
        if (delay.isZero()) {
            send(exchange, answer);
        } else {
            delayer.schedule(() -> send(exchange, answer), delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static void send(HttpExchange exchange, Answer answer) {
        try (exchange) {
            if (answer.cut()) {
                return; // closing before the headers were sent drops the connection without an answer
            }
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().put(k, v));
            boolean empty = answer.body() == null || answer.body().length == 0;
            exchange.sendResponseHeaders(answer.status(), empty ? -1 : answer.body().length);
            if (!empty) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(answer.body());
                }
            }
        } catch (IOException e) {
            // the client went away; nothing to answer to
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
