package io.passerelle.api;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionService;
import io.passerelle.sync.CursorView;
import io.passerelle.sync.SyncCursors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/connections/{id}/cursors}: each inbound flow's watermark, and a reset of one. A reset is a write
 * (ADMIN or ENGINEER, see SecurityConfiguration), refused with 409 while a run of that flow is going.
 */
@RestController
public class CursorController {

    public static final String WATERMARK = "watermark";

    private final ConnectionService connections;
    private final SyncCursors cursors;

    public CursorController(ConnectionService connections, SyncCursors cursors) {
        this.connections = connections;
        this.cursors = cursors;
    }

    @GetMapping("/api/connections/{id}/cursors")
    public Map<String, List<CursorView>> list(@PathVariable String id) {
        return Map.of("items", cursors.list(connections.get(id)));
    }

    /**
     * Body {@code {"watermark": "2026-11-01T00:00:00Z"}}, or {@code {"watermark": null}} to re-read everything. Answers
     * the cursor; for a connection that reaches several companies, {@code {"items": [...]}}, one per company.
     */
    @PutMapping("/api/connections/{id}/cursors/{flow}")
    public Object reset(@PathVariable String id, @PathVariable String flow, @RequestBody JsonNode body) {
        Instant watermark = watermark(body);
        Connection connection = connections.get(id);
        List<CursorView> set = cursors.reset(connection, flow, watermark);
        return set.size() == 1 ? set.get(0) : Map.of("items", set);
    }

    public static Instant watermark(JsonNode body) {
        if (!body.isObject()) {
            throw new InvalidParameterException("body", "must be an object: {\"watermark\": \"2026-11-01T00:00:00Z\"}");
        }
        if (!body.has(WATERMARK)) {
            throw new InvalidParameterException(WATERMARK,
                    "required: an ISO-8601 instant such as 2026-11-01T00:00:00Z, or null to read everything at the next run");
        }
        JsonNode value = body.get(WATERMARK);
        if (value.isNull()) {
            return null;
        }
        Instant instant;
        try {
            instant = value.isTextual() ? OffsetDateTime.parse(value.asText().strip()).toInstant() : null;
        } catch (DateTimeParseException e) {
            instant = null;
        }
        if (instant == null) {
            throw new InvalidParameterException(WATERMARK,
                    "must be an ISO-8601 instant such as 2026-11-01T00:00:00Z, or null");
        }
        if (instant.isAfter(Instant.now())) {
            throw new InvalidParameterException(WATERMARK, "must not be in the future: the next run would skip "
                    + "everything changed until then");
        }
        return instant;
    }
}
