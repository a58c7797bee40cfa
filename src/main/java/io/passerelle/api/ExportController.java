package io.passerelle.api;

import io.passerelle.connection.ConnectionService;
import io.passerelle.export.ExportLauncher;
import io.passerelle.run.RunView;
import io.passerelle.run.Trigger;
import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/connections/{id}/export/{flow}}: run an outbound flow now. 202 with the run id, or with
 * {@code ?wait=true} 200 and the finished run. Errors as for sync: unknown flow or connection 404, a run of
 * the flow already going 409 (mapped by {@link ApiExceptionHandler}).
 */
@RestController
public class ExportController {

    private final ConnectionService connections;
    private final ObjectProvider<ExportLauncher> launcher;

    /** The launcher is looked up per call, so the API starts in a build whose export engine is absent. */
    public ExportController(ConnectionService connections, ObjectProvider<ExportLauncher> launcher) {
        this.connections = connections;
        this.launcher = launcher;
    }

    @PostMapping("/api/connections/{id}/export/{flow}")
    public ResponseEntity<?> export(@PathVariable String id, @PathVariable String flow,
            @RequestParam(defaultValue = "false") boolean wait) {
        connections.get(id); // 404 for an unknown connection before anything starts
        ExportLauncher exports = launcher.getIfAvailable();
        if (exports == null) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(
                    HttpStatus.SERVICE_UNAVAILABLE, "this build has no export engine", "flow", "cannot run"));
        }
        if (!wait) {
            long runId = exports.start(id, flow, Trigger.API);
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/runs/" + runId))
                    .body(Map.of("runId", runId));
        }
        RunView run = exports.runAndWait(id, flow, Trigger.API);
        return ResponseEntity.ok(run);
    }
}
