package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Countdown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Misbehaviour on demand, so that a client's handling of a real server's bad days can be tested: busy
 * answers, out-of-order responses, refused or strange greetings, oversized frames, a connection cut after
 * a write was stored, malformed LIST items. One-shot faults ({@code ...Next}) are consumed by the
 * request or response they hit. All methods are thread-safe and return {@code this} for chaining. Busy
 * answers, the cut after a stored write and slow answers are the sandbox kit's faults, named as MainTCP
 * names them.
 */
public final class Faults {

    public static final long DEFAULT_RETRY_AFTER_MS = 200;
    /** The HTTP answer a web server on the wrong port would give. */
    static final String GARBAGE_GREETING =
            "HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** BUSY is MainTCP's 429, the drop after a store its cut after a write. */
    private final io.passerelle.sandbox.kit.Faults common = new io.passerelle.sandbox.kit.Faults();
    private volatile boolean reorderResponses;
    private volatile String denyReason;
    private volatile boolean silent;
    private volatile boolean garbageGreeting;
    private final Countdown oversizedFrames = new Countdown();
    private final ConcurrentHashMap<AvantageEntity, Queue<Injected>> injected = new ConcurrentHashMap<>();
    private volatile boolean extraFields;
    private volatile boolean nullForAbsent;

    /** An item to serve in a LIST page; {@code stampAtServe} fills modifiedAt from the page when serving. */
    record Injected(ObjectNode item, boolean stampAtServe) {
    }

    /** The next {@code n} requests, whatever their op, answer BUSY with the default retryAfterMs. */
    public Faults busyNext(int n) {
        return busyNext(n, DEFAULT_RETRY_AFTER_MS);
    }

    public Faults busyNext(int n, long retryAfterMs) {
        if (n < 0 || retryAfterMs < 0) {
            throw new IllegalArgumentException("n and retryAfterMs must not be negative");
        }
        common.tooManyRequestsNext(n, Duration.ofMillis(retryAfterMs));
        return this;
    }

    /**
     * Holds responses for a short window and releases them in reverse order, so a pipelining client
     * sees ids out of order.
     */
    public Faults reorderResponses(boolean on) {
        reorderResponses = on;
        return this;
    }

    /** New connections get {@code AVANTAGE MAINTCP DENIED <reason>} and are closed; null lifts it. */
    public Faults deny(String reason) {
        if (reason != null && (reason.contains("\r") || reason.contains("\n"))) {
            throw new IllegalArgumentException("reason must fit on one line");
        }
        denyReason = reason;
        return this;
    }

    /** New connections are accepted and never greeted (a firewall-style black hole, port open). */
    public Faults silent(boolean on) {
        silent = on;
        return this;
    }

    /** New connections get an HTTP error answer instead of a greeting, then close: "port open, not Avantage". */
    public Faults garbageGreeting(boolean on) {
        garbageGreeting = on;
        return this;
    }

    /** The next response goes out with a length prefix above 16 MiB (its real payload follows). */
    public Faults oversizedFrameNext() {
        oversizedFrames.add();
        return this;
    }

    /** The next POST_TIMESHEETS that stores its lines closes the connection instead of answering. */
    public Faults dropAfterStoreNext() {
        common.cutAfterWriteNext();
        return this;
    }

    /**
     * The next LIST page of {@code entity} also carries {@code n} malformed items: no key field (a
     * PROJECT without {@code number}, an ACTIVITY without {@code code}, ...) plus a field the spec does
     * not know. They come first on the page; the cursor is unaffected.
     */
    public Faults malformedItemsNext(AvantageEntity entity, int n) {
        for (int i = 1; i <= n; i++) {
            queue(entity).add(new Injected(malformed(entity, i), true));
        }
        return this;
    }

    /**
     * The next LIST page of {@code entity} also carries these raw JSON objects, served as given (first
     * on the page), for any oddity a test wants: wrong types, missing modifiedAt, unknown enums.
     */
    public Faults injectItemsNext(AvantageEntity entity, String... jsonObjects) {
        for (String json : jsonObjects) {
            JsonNode node;
            try {
                node = JSON.readTree(json);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
            }
            if (!(node instanceof ObjectNode object)) {
                throw new IllegalArgumentException("items must be JSON objects");
            }
            queue(entity).add(new Injected(object, false));
        }
        return this;
    }

    /** Every LIST item carries extra fields the spec does not name: a tolerant reader ignores them. */
    public Faults extraFields(boolean on) {
        extraFields = on;
        return this;
    }

    /** Absent optional fields are sent as explicit {@code null} instead of being left out. */
    public Faults nullForAbsent(boolean on) {
        nullForAbsent = on;
        return this;
    }

    /** Every response waits this long before it is written (request timeouts); ZERO turns it off. */
    public Faults delayResponses(Duration delay) {
        common.delayAll(delay);
        return this;
    }

    /** Back to a well-behaved server. */
    public Faults reset() {
        common.reset();
        reorderResponses = false;
        denyReason = null;
        silent = false;
        garbageGreeting = false;
        oversizedFrames.reset();
        injected.clear();
        extraFields = false;
        nullForAbsent = false;
        return this;
    }

    // ---- consumed by the server ------------------------------------------------------------------------

    /** retryAfterMs when this request must answer BUSY, else -1. */
    long takeBusy() {
        Duration retryAfter = common.takeTooManyRequests();
        return retryAfter == null ? -1 : retryAfter.toMillis();
    }

    boolean takeOversizedFrame() {
        return oversizedFrames.take();
    }

    boolean takeDropAfterStore() {
        return common.takeCutAfterWrite();
    }

    List<Injected> takeInjected(AvantageEntity entity) {
        Queue<Injected> queue = injected.get(entity);
        List<Injected> out = new ArrayList<>();
        if (queue != null) {
            for (Injected item; (item = queue.poll()) != null; ) {
                out.add(item);
            }
        }
        return out;
    }

    boolean reorderResponses() {
        return reorderResponses;
    }

    String denyReason() {
        return denyReason;
    }

    boolean silent() {
        return silent;
    }

    boolean garbageGreeting() {
        return garbageGreeting;
    }

    boolean extraFields() {
        return extraFields;
    }

    boolean nullForAbsent() {
        return nullForAbsent;
    }

    Duration responseDelay() {
        return common.takeDelay();
    }

    private Queue<Injected> queue(AvantageEntity entity) {
        return injected.computeIfAbsent(Objects.requireNonNull(entity, "entity"), e -> new ConcurrentLinkedQueue<>());
    }

    private static ObjectNode malformed(AvantageEntity entity, int i) {
        ObjectNode item = JSON.createObjectNode();
        switch (entity) {
            case PROJECT -> item.put("name", "Projet sans numéro " + i).put("status", "ACTIVE");
            case EMPLOYEE -> item.put("firstName", "Employé").put("lastName", "Sans-Numéro " + i).put("active", true);
            case TRADE -> {
                item.put("description", "Métier sans code " + i);
                item.putObject("rates").put("A", 40.00);
            }
            case ACTIVITY -> item.put("project", "P-1001").put("description", "Activité sans code " + i)
                    .put("budgetHours", 0).put("budgetAmount", 0);
            case EARNING -> item.put("description", "Gain sans code " + i).put("kind", "EXPENSE").put("unit", "AMOUNT");
            case HOUR_TYPE -> item.put("description", "Type sans code " + i).put("multiplier", 1.0);
            case SUPPLIER -> item.put("name", "Fournisseur sans code " + i).put("status", "ACTIVE");
            case PURCHASE_ORDER -> item.put("supplier", "BETNORD").put("project", "P-1001").put("date", "2025-03-03")
                    .put("status", "OPEN").putArray("lines");
        }
        item.put("champInterneAvantage", "ZZ-" + i);
        return item;
    }
}
