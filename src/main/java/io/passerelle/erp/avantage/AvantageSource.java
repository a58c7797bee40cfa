package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.connection.Connection;
import io.passerelle.sync.InboundFlow;
import io.passerelle.sync.SourcePage;
import io.passerelle.sync.SourceSession;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Avantage master data through {@code LIST}, paged by cursor, incremental by {@code modifiedSince}. */
final class AvantageSource {

    private final AvantageTransports transports;
    private final ObjectMapper mapper;

    AvantageSource(AvantageTransports transports, ObjectMapper mapper) {
        this.transports = transports;
        this.mapper = mapper;
    }

    SourceSession open(Connection connection) {
        AvantageSession session = transports.session(connection, transports.forConnection(connection));
        session.login();
        return new ListSession(session);
    }

    private final class ListSession implements SourceSession {
        private final AvantageSession session;

        ListSession(AvantageSession session) {
            this.session = session;
        }

        @Override
        public CompletableFuture<SourcePage> fetch(InboundFlow flow, String after, Instant modifiedSince, int limit) {
            ObjectNode list = mapper.createObjectNode();
            list.put("entity", flow.remoteEntity());
            list.put("limit", limit);
            if (after != null) {
                list.put("after", after);
            }
            if (modifiedSince != null) {
                list.put("modifiedSince", modifiedSince.toString());
            }
            if (flow.project() != null) {
                list.put("project", flow.project()); // one project's activities or purchase orders (§4, §5)
            }
            return session.call("LIST", list).thenApply(AvantageSource::toPage);
        }

        @Override
        public void close() {
            // MainTCP has no logout; the transport stays open for the connection's next run
        }
    }

    static SourcePage toPage(JsonNode answer) {
        JsonNode items = answer.path("items");
        List<JsonNode> list = new ArrayList<>(items.size());
        Instant watermark = null;
        for (JsonNode item : items) {
            list.add(item);
            Instant modified = modifiedAt(item);
            if (modified != null && (watermark == null || modified.isAfter(watermark))) {
                watermark = modified;
            }
        }
        JsonNode next = answer.get("next");
        return new SourcePage(list, next == null || next.isNull() ? null : next.asText(), watermark);
    }

    /** Items whose instant does not parse are the mapper's to reject; they just do not move the cursor. */
    private static Instant modifiedAt(JsonNode item) {
        try {
            return item.hasNonNull("modifiedAt") ? Instant.parse(item.get("modifiedAt").asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
