package io.passerelle.company;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.ErpDescriptor;
import io.passerelle.erp.ErpModule;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A test ERP of an accounting office, as AdminPulse is: one inbound flow, {@code companies}, of the office's client
 * companies with their relations ({@link CompanyRecords} items, mapped by {@link CompanyRecords#map}), read whole at
 * every run (no modification filter), a page of {@link #PAGE} items at a time. Each connection serves what the test
 * gave it ({@link #serve}); a connection may be held before its second page ({@link #holdBeforeSecondPage}) so that
 * its run is going while the test does something else. Its name is one no module of this build serves.
 */
public class OfficeTestErp extends ErpModule {

    public static final String ERP = "office-erp";
    static final int PAGE = 2;

    private final Map<String, List<JsonNode>> items = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Void>> holds = new ConcurrentHashMap<>();
    private final Map<String, Boolean> held = new ConcurrentHashMap<>();

    public OfficeTestErp() {
        super(new ErpDescriptor(ERP, "an accounting office's test ERP", Set.of("https"),
                List.of(CredentialKey.required("apiToken", "the office's API token", true)), List.of()),
                List.of(new InboundFlowSpec("companies", CanonicalEntity.COMPANY, CompanyRecords::map)), List.of());
    }

    /** What the connection's runs read from now on. */
    public void serve(String connectionId, CompanyRecords... companies) {
        items.put(connectionId, java.util.Arrays.stream(companies).map(c -> (JsonNode) c.item()).toList());
    }

    /** The connection's next run waits before its second page until {@link #release}. */
    public void holdBeforeSecondPage(String connectionId) {
        holds.put(connectionId, new CompletableFuture<>());
        held.remove(connectionId);
    }

    /** Whether a run of the connection is waiting at its hold. */
    public boolean waiting(String connectionId) {
        return held.getOrDefault(connectionId, false);
    }

    public void release(String connectionId) {
        CompletableFuture<Void> hold = holds.remove(connectionId);
        if (hold != null) {
            hold.complete(null);
        }
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        return new ConnectionTestResult(true, endpoint.name(), "reached", Map.of());
    }

    @Override
    public SourceSession open(Connection connection) {
        String connectionId = connection.id();
        return new SourceSession() {
            @Override
            public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant modifiedSince, int limit) {
                List<JsonNode> all = items.getOrDefault(connectionId, List.of());
                int from = after == null ? 0 : Integer.parseInt(after);
                List<JsonNode> page = all.subList(Math.min(from, all.size()), Math.min(from + PAGE, all.size()));
                String next = from + PAGE < all.size() ? String.valueOf(from + PAGE) : null;
                SourcePage answer = new SourcePage(List.copyOf(page), next, null);
                CompletableFuture<Void> hold = after == null ? null : holds.get(connectionId);
                if (hold == null) {
                    return CompletableFuture.completedFuture(answer);
                }
                held.put(connectionId, true);
                return hold.thenApply(released -> answer);
            }

            @Override
            public boolean ordersByModification() {
                return false;
            }

            @Override
            public void close() {
            }
        };
    }
}
