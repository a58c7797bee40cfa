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

    /** Longer than any field it could match; a longer {@code q} is a mistake, not a search. */
    static final int MAX_QUERY = 256;

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
        if (q != null && q.length() > MAX_QUERY) {
            throw new InvalidParameterException("q", "at most " + MAX_QUERY + " characters");
        }
        int pageSize = PageLimit.resolve(limit);
        Long cursor = cursor(after);
        connections.get(id); // 404 for an unknown connection, whatever the entity
        return reader.list(id, entity, q == null || q.isBlank() ? null : q, pageSize, cursor);
    }

    /** {@code after} is a page's {@code next}: a record id. Anything else is the caller's mistake, a 400. */
    public static Long cursor(String after) {
        if (after == null || after.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(after.strip());
            if (id >= 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // answered below, as any other value that no page returned
        }
        throw new InvalidParameterException("after", "not a value returned as 'next' by this listing");
    }
}
