package io.passerelle.api;

import io.passerelle.connection.ConnectionService;
import io.passerelle.sync.RecordPage;
import io.passerelle.sync.RecordReader;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/connections/{id}/records/{entity}}: what syncs wrote, page by page. */
@RestController
public class RecordController {

    private final ConnectionService connections;
    private final RecordReader reader;

    public RecordController(ConnectionService connections, RecordReader reader) {
        this.connections = connections;
        this.reader = reader;
    }

    @GetMapping("/api/connections/{id}/records/{entity}")
    public RecordPage list(@PathVariable String id, @PathVariable String entity,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        connections.get(id); // 404 for an unknown connection, whatever the entity
        return reader.list(id, entity, q == null || q.isBlank() ? null : q, PageLimit.resolve(limit),
                after == null || after.isBlank() ? null : after);
    }
}
