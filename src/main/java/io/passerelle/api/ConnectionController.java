package io.passerelle.api;

import java.net.URI;
import java.util.List;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionRemoval;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.ConnectionTester;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/connections}: list, read, create (or re-create), replace, delete (or archive) and test connections. */
@RestController
@RequestMapping("/api/connections")
public class ConnectionController {

    private final ConnectionService connections;
    private final ConnectionTester tester;

    public ConnectionController(ConnectionService connections, ConnectionTester tester) {
        this.connections = connections;
        this.tester = tester;
    }

    @GetMapping
    public List<ConnectionView> list() {
        return connections.list().stream().map(ConnectionView::of).toList();
    }

    @GetMapping("/{id}")
    public ConnectionView get(@PathVariable String id) {
        return ConnectionView.of(connections.get(id));
    }

    @PostMapping
    public ResponseEntity<ConnectionView> create(@RequestBody ConnectionDocument document) {
        Connection created = connections.create(document);
        return ResponseEntity.created(URI.create("/api/connections/" + created.id())).body(ConnectionView.of(created));
    }

    @PutMapping("/{id}")
    public ConnectionView update(@PathVariable String id, @RequestBody ConnectionDocument document) {
        return ConnectionView.of(connections.update(id, document));
    }

    /**
     * 204 when the connection had no history and is gone; 200 and what was kept when it had some and was archived
     * instead (see {@link ConnectionService#delete}).
     */
    @DeleteMapping("/{id}")
    public ResponseEntity<ArchivedConnectionView> delete(@PathVariable String id,
            @AuthenticationPrincipal ApiPrincipal caller) {
        ConnectionRemoval removal = connections.delete(id, caller == null ? null : caller.name());
        if (!removal.archived()) {
            return ResponseEntity.noContent().build();
        }
        return ResponseEntity.ok(ArchivedConnectionView.of(removal));
    }

    @PostMapping("/{id}/test")
    public ConnectionTestResult test(@PathVariable String id, @RequestParam(required = false) String endpoint) {
        return tester.test(id, endpoint);
    }
}
