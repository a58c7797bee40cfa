package io.passerelle.api;

import java.util.List;

import io.passerelle.sync.RunErrorView;
import io.passerelle.sync.RunHistory;
import io.passerelle.sync.RunView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/runs}: the run history, newest first, and each run's per-record errors. */
@RestController
public class RunController {

    private final RunHistory history;

    public RunController(RunHistory history) {
        this.history = history;
    }

    @GetMapping("/api/runs")
    public List<RunView> search(@RequestParam(required = false) String connection,
            @RequestParam(required = false) String flow,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit) {
        return history.search(blankToNull(connection), blankToNull(flow), RunStatuses.filter(status),
                PageLimit.resolve(limit));
    }

    @GetMapping("/api/runs/{runId}")
    public RunView get(@PathVariable long runId) {
        return history.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    @GetMapping("/api/runs/{runId}/errors")
    public List<RunErrorView> errors(@PathVariable long runId) {
        if (history.find(runId).isEmpty()) {
            throw new RunNotFoundException(runId);
        }
        return history.errors(runId);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
