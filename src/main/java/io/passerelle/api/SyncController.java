package io.passerelle.api;

import io.passerelle.connection.ConnectionService;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sync.RefreshKeyRefusedException;
import io.passerelle.sync.SyncLauncher;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/connections/{id}/sync/{flow}}: run an inbound flow (or {@code all}) now; {@code ?key=} refreshes
 * one record, {@code ?project=} syncs one project's records alone.
 */
@RestController
public class SyncController {

    static final String ALL_FLOWS = "all";

    private final ConnectionService connections;
    private final SyncLauncher launcher;

    public SyncController(ConnectionService connections, SyncLauncher launcher) {
        this.connections = connections;
        this.launcher = launcher;
    }

    @PostMapping("/api/connections/{id}/sync/{flow}")
    public ResponseEntity<?> sync(@PathVariable String id, @PathVariable String flow,
            @RequestParam(defaultValue = "false") boolean wait,
            @RequestParam(required = false) String mode, @RequestParam(required = false) String key,
            @RequestParam(required = false) String project) {
        SyncMode syncMode = syncMode(mode);
        connections.get(id); // 404 for an unknown connection before anything starts
        if (key != null && project != null) {
            throw new InvalidParameterException("project", "a run refreshes one record (key) or syncs one project, "
                    + "not both");
        }
        if (key != null) {
            return refresh(id, flow, wait, key);
        }
        if (project != null) {
            return oneProject(id, flow, wait, project);
        }
        if (!wait) {
            List<Long> runIds = launcher.start(id, flow, Trigger.API, syncMode);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("runId", runIds.isEmpty() ? null : runIds.get(0));
            body.put("runIds", runIds);
            ResponseEntity.BodyBuilder accepted = ResponseEntity.status(HttpStatus.ACCEPTED);
            if (!runIds.isEmpty()) {
                accepted.location(URI.create("/api/runs/" + runIds.get(0)));
            }
            return accepted.body(body);
        }
        List<RunView> runs = launcher.runAndWait(id, flow, Trigger.API, syncMode);
        if (ALL_FLOWS.equals(flow) || runs.size() > 1) { // every flow, or one flow of several companies
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("runs", runs);
            body.put("status", RunStatuses.worst(runs.stream().map(RunView::status).toList()));
            return ResponseEntity.ok(body);
        }
        return ResponseEntity.ok(runs.isEmpty() ? null : runs.get(0));
    }

    /** {@code ?key=}: the one record a user knows by that key (a company by its number), read and written now. */
    private ResponseEntity<?> refresh(String id, String flow, boolean wait, String key) {
        if (key.isBlank()) {
            throw new InvalidParameterException("key", "must not be blank");
        }
        try {
            if (!wait) {
                long runId = launcher.startRefresh(id, flow, Trigger.API, key);
                return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/runs/" + runId))
                        .body(Map.of("runId", runId, "runIds", List.of(runId)));
            }
            return ResponseEntity.ok(launcher.refreshAndWait(id, flow, Trigger.API, key));
        } catch (RefreshKeyRefusedException e) {
            throw new InvalidParameterException("key", e.getMessage());
        }
    }

    /**
     * {@code ?project=}: that project's records alone (an Avantage project's activities or purchase orders), read
     * whole; the flow's cursor stays where every project's runs put it. A flow that cannot is a 400 naming
     * {@code project}; a project the company has not synced, a 422.
     */
    private ResponseEntity<?> oneProject(String id, String flow, boolean wait, String project) {
        if (project.isBlank()) {
            throw new InvalidParameterException("project", "must not be blank");
        }
        try {
            if (!wait) {
                long runId = launcher.startProject(id, flow, Trigger.API, project);
                return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/runs/" + runId))
                        .body(Map.of("runId", runId, "runIds", List.of(runId)));
            }
            return ResponseEntity.ok(launcher.projectAndWait(id, flow, Trigger.API, project));
        } catch (RefreshKeyRefusedException e) {
            throw new InvalidParameterException("project", e.getMessage()); // one flow, not all
        }
    }

    private static SyncMode syncMode(String mode) {
        if (mode == null || mode.isBlank()) {
            return SyncMode.INCREMENTAL;
        }
        return switch (mode.trim().toLowerCase(Locale.ROOT)) {
            case "full" -> SyncMode.FULL;
            case "incremental" -> SyncMode.INCREMENTAL;
            default -> throw new InvalidParameterException("mode", "must be full or incremental");
        };
    }
}
