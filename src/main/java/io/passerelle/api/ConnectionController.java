package io.passerelle.api;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionLink;
import io.passerelle.connection.ConnectionLinks;
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

/**
 * {@code /api/connections}: list, read, create (or re-create), replace, delete (or archive) and test connections;
 * link and unlink those whose ERP links them to one company of its own. Who may do which is {@link ConnectionGuard}'s
 * to say, before these methods run; every token lists and reads connections.
 */
@RestController
@RequestMapping("/api/connections")
public class ConnectionController {

    private final ConnectionService connections;
    private final ConnectionTester tester;
    private final ConnectionLinks links;
    private final ConnectionGuard guard;

    public ConnectionController(ConnectionService connections, ConnectionTester tester, ConnectionLinks links,
            ConnectionGuard guard) {
        this.connections = connections;
        this.tester = tester;
        this.links = links;
        this.guard = guard;
    }

    @GetMapping
    public List<ConnectionView> list() {
        List<Connection> all = connections.list();
        Map<String, ConnectionLink> linked = links.of(all);
        return all.stream().map(c -> ConnectionView.of(c, linked.get(c.id()))).toList();
    }

    @GetMapping("/{id}")
    public ConnectionView get(@PathVariable String id) {
        return view(connections.get(id));
    }

    /**
     * 201; the owner is the caller unless an ADMIN names another (a non-ADMIN naming another is a 403 naming
     * {@code owner}). With {@code allowOthersToEdit} on, the answer carries the seed's warning in {@code warnings}.
     */
    @PostMapping
    public ResponseEntity<ConnectionView> create(@RequestBody ConnectionDocument document) {
        document.ownedBy(guard.ownerOfNew(document.owner()));
        ConnectionGuard.Checked check = guard.creation();
        Connection created = connections.create(document, check);
        return ResponseEntity.created(URI.create("/api/connections/" + created.id()))
                .body(view(created).withWarnings(check.warnings(created.ownership())));
    }

    /**
     * Left out, {@code owner} and {@code allowOthersToEdit} keep their values. Only an ADMIN changes the owner; only
     * the owner or an ADMIN turns the switch (403 naming the field). Turning it on answers the seed's warning.
     */
    @PutMapping("/{id}")
    public ConnectionView update(@PathVariable String id, @RequestBody ConnectionDocument document) {
        ConnectionGuard.Checked check = guard.change();
        Connection updated = connections.update(id, document, check);
        return view(updated).withWarnings(check.warnings(updated.ownership()));
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

    /** Also the link's check, for a connection whose ERP has one: LINKED or FAILED (an unlinked one stays so). */
    @PostMapping("/{id}/test")
    public ConnectionTestResult test(@PathVariable String id, @RequestParam(required = false) String endpoint) {
        return tester.test(id, endpoint);
    }

    /**
     * 200 {@code {"link": {"status": "LINKED"|"FAILED", …}, "test": {"ok", "endpoint", "message", "details"}}}: the
     * connection test decides, and the connection's schedules run again; 409 when its ERP has no link.
     */
    @PostMapping("/{id}/link")
    public Map<String, Object> link(@PathVariable String id, @RequestParam(required = false) String endpoint) {
        ConnectionTester.LinkTest linked = tester.link(id, endpoint);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("link", ConnectionView.link(linked.link()));
        body.put("test", linked.test());
        return body;
    }

    /**
     * 200 {@code {"link": {"status": "UNLINKED", …}}}, again and again: no run of the connection starts (409) and no
     * schedule fires until it is linked again, and its tokens are dropped; its data stays. 409 when its ERP has no
     * link.
     */
    @PostMapping("/{id}/unlink")
    public Map<String, Object> unlink(@PathVariable String id, @AuthenticationPrincipal ApiPrincipal caller) {
        ConnectionLink unlinked = links.unlink(id, caller == null ? null : caller.name());
        return Map.of("link", ConnectionView.link(unlinked));
    }

    private ConnectionView view(Connection connection) {
        return ConnectionView.of(connection, links.of(connection).orElse(null));
    }
}
