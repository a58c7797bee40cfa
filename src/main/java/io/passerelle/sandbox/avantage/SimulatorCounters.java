package io.passerelle.sandbox.avantage;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** What the simulator has seen, for tests that assert how a client behaved (retries, re-logins, reconnects). */
public final class SimulatorCounters {

    /** Requests whose op the server does not know are counted under this name. */
    public static final String UNKNOWN_OP = "(unknown)";

    private final LongAdder connectionsAccepted = new LongAdder();
    private final LongAdder framesRejected = new LongAdder();
    private final LongAdder busyAnswers = new LongAdder();
    private final ConcurrentHashMap<String, LongAdder> requestsByOp = new ConcurrentHashMap<>();

    void connectionAccepted() {
        connectionsAccepted.increment();
    }

    void frameRejected() {
        framesRejected.increment();
    }

    void busyAnswered() {
        busyAnswers.increment();
    }

    void request(String op) {
        requestsByOp.computeIfAbsent(op, k -> new LongAdder()).increment();
    }

    public long connectionsAccepted() {
        return connectionsAccepted.sum();
    }

    /** Frames that closed their connection: bad length, or not authenticating under the key. */
    public long framesRejected() {
        return framesRejected.sum();
    }

    /** BUSY answers given, injected or from the in-flight limit. */
    public long busyAnswers() {
        return busyAnswers.sum();
    }

    public long requests(String op) {
        LongAdder n = requestsByOp.get(op);
        return n == null ? 0 : n.sum();
    }

    public long totalRequests() {
        return requestsByOp.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> requestsByOp() {
        Map<String, Long> out = new TreeMap<>();
        requestsByOp.forEach((op, n) -> out.put(op, n.sum()));
        return out;
    }

    public void reset() {
        connectionsAccepted.reset();
        framesRejected.reset();
        busyAnswers.reset();
        requestsByOp.clear();
    }

    @Override
    public String toString() {
        return "connections=" + connectionsAccepted() + " requests=" + requestsByOp();
    }
}
