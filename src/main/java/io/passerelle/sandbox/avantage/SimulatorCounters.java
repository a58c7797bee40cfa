package io.passerelle.sandbox.avantage;

import io.passerelle.sandbox.kit.Tally;
import java.util.Map;

/** What the simulator has seen, for tests that assert how a client behaved (retries, re-logins, reconnects). */
public final class SimulatorCounters {

    /** Requests whose op the server does not know are counted under this name. */
    public static final String UNKNOWN_OP = "(unknown)";
    private static final String CONNECTIONS = "connections accepted";
    private static final String FRAMES_REJECTED = "frames rejected";
    private static final String BUSY = "BUSY answered";

    private final Tally events = new Tally();
    private final Tally requestsByOp = new Tally();
    private final Tally lists = new Tally();

    void connectionAccepted() {
        events.add(CONNECTIONS);
    }

    void frameRejected() {
        events.add(FRAMES_REJECTED);
    }

    void busyAnswered() {
        events.add(BUSY);
    }

    void request(String op) {
        requestsByOp.add(op);
    }

    /** A LIST answered (not refused): of one project's records, or of every project's ({@code project} null). */
    void listed(AvantageEntity entity, String project) {
        lists.add(listKey(entity, project));
    }

    private static String listKey(AvantageEntity entity, String project) {
        return project == null ? entity.name() : entity.name() + " project=" + project;
    }

    /**
     * LIST requests answered for {@code entity} with that {@code project}, or without one ({@code project} null):
     * what a client that syncs one project asked.
     */
    public long lists(AvantageEntity entity, String project) {
        return lists.get(listKey(entity, project));
    }

    /** LIST requests answered, by entity and project ("ACTIVITY", "ACTIVITY project=P-1003"), in key order. */
    public Map<String, Long> listsByEntity() {
        return lists.snapshot();
    }

    public long connectionsAccepted() {
        return events.get(CONNECTIONS);
    }

    /** Frames that closed their connection: bad length, or not authenticating under the key. */
    public long framesRejected() {
        return events.get(FRAMES_REJECTED);
    }

    /** BUSY answers given, injected or from the in-flight limit. */
    public long busyAnswers() {
        return events.get(BUSY);
    }

    public long requests(String op) {
        return requestsByOp.get(op);
    }

    public long totalRequests() {
        return requestsByOp.total();
    }

    public Map<String, Long> requestsByOp() {
        return requestsByOp.snapshot();
    }

    public void reset() {
        events.reset();
        requestsByOp.reset();
        lists.reset();
    }

    @Override
    public String toString() {
        return "connections=" + connectionsAccepted() + " requests=" + requestsByOp();
    }
}
