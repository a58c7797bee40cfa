package io.passerelle.sandbox.kit;

/**
 * What every HTTP simulator does to start and stop: one {@link HttpSimulatorServer} on 127.0.0.1 (port 0 takes a
 * free one), and its sessions ended when it stops. A simulator builds its {@link Router} and hands it to
 * {@link #serve}; its own {@code start()} calls {@link #bind} and returns itself.
 */
public abstract class HttpSimulator implements AutoCloseable {

    public static final String HOST = "127.0.0.1";

    private final int configuredPort;
    private final Sessions sessions;
    private HttpSimulatorServer server;

    protected HttpSimulator(int port, Sessions sessions) {
        this.configuredPort = port;
        this.sessions = sessions;
    }

    protected final Sessions sessions() {
        return sessions;
    }

    /** The routes to serve; called once, from the simulator's constructor. */
    protected final void serve(Router router) {
        this.server = new HttpSimulatorServer(router);
    }

    /** Binds and starts serving. */
    protected final void bind() {
        server.start(HOST, configuredPort);
    }

    /** Stops listening and ends the sessions. Idempotent. */
    public void stop() {
        if (server.stop()) {
            sessions.closeAll();
        }
    }

    @Override
    public void close() {
        stop();
    }

    public int port() {
        return server.port();
    }

    /**
     * The faults a simulator's settings ask for, at its start and at each reset: a 429 (with its Retry-After) every
     * {@code tooManyRequestsEvery} calls (0: never), and every answer {@code delay} late.
     */
    protected static void configure(Faults faults, int tooManyRequestsEvery, java.time.Duration retryAfter,
            java.time.Duration delay) {
        if (tooManyRequestsEvery > 0) {
            faults.tooManyRequestsEvery(tooManyRequestsEvery, retryAfter);
        }
        faults.delayAll(delay);
    }

    /** {@code http://127.0.0.1:<port>}. */
    public String url() {
        return "http://" + HOST + ":" + port();
    }
}
