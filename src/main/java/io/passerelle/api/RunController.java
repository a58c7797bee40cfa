package io.passerelle.api;

import io.passerelle.retry.RunRetries;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/runs}: the run history, newest first, each run's per-record errors, and a retry of those. */
@RestController
public class RunController {

    private final RunHistory history;
    private final RunRetries retries;

    public RunController(RunHistory history, RunRetries retries) {
        this.history = history;
        this.retries = retries;
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

    /**
     * A new run (trigger RETRY, {@code retryOf} this one) of the run's retryable failed records only: 202 with its id,
     * or with {@code ?wait=true} 200 and the finished run. 404 unknown run, 409 while the flow runs, 422 when the run
     * has nothing to retry.
     */
    @PostMapping("/api/runs/{runId}/retry")
    public ResponseEntity<?> retry(@PathVariable long runId, @RequestParam(defaultValue = "false") boolean wait) {
        RunView run = history.find(runId).orElseThrow(() -> new RunNotFoundException(runId));
        if (wait) {
            return ResponseEntity.ok(retries.runAndWait(run));
        }
        long retry = retries.start(run);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("runId", retry);
        body.put("retryOf", runId);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/runs/" + retry)).body(body);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
