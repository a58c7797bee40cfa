package io.passerelle.api;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.connection.FieldProblem;
import io.passerelle.importjob.ImportJob;
import io.passerelle.importjob.ImportJobNotFoundException;
import io.passerelle.importjob.ImportJobRequest;
import io.passerelle.importjob.ImportJobRunNotFoundException;
import io.passerelle.importjob.ImportJobService;
import io.passerelle.importjob.InvalidImportJobException;
import io.passerelle.importjob.JobRunStarted;
import io.passerelle.run.Trigger;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/import-jobs}: import jobs, each some flows of one connection for some of its companies over a range, on
 * a schedule or run here, and their runs with a line per company × flow. Writes and runs need ADMIN or ENGINEER (the
 * security rules) allowed to change the job's connection; reads need a token allowed to see the connection's
 * companies ({@link ConnectionGuard}); the listing shows only the jobs of those.
 */
@RestController
@RequestMapping("/api/import-jobs")
public class ImportJobController {

    private final ImportJobService jobs;
    private final ConnectionGuard guard;

    public ImportJobController(ImportJobService jobs, ConnectionGuard guard) {
        this.jobs = jobs;
        this.guard = guard;
    }

    /** 201 with the job; its owner is the caller. 400 naming each bad field, an unknown connection among them. */
    @PostMapping
    public ResponseEntity<ImportJobView> create(@RequestBody ImportJobRequest request) {
        guard.require(request.connection(), Action.CHANGE, "connection");
        ImportJob job = jobs.create(request, ApiPrincipal.current().map(ApiPrincipal::name).orElse(null));
        return ResponseEntity.created(URI.create("/api/import-jobs/" + job.id())).body(ImportJobView.of(job, null));
    }

    /** {@code {"items": [...]}}: the jobs (of one connection, with {@code ?connection=}) the caller may see. */
    @GetMapping
    public Map<String, List<ImportJobView>> list(@RequestParam(required = false) String connection) {
        List<String> open = guard.openConnections();
        String only = connection == null || connection.isBlank() ? null : connection.strip();
        return Map.of("items", jobs.list(only).stream()
                .filter(job -> open == null || open.contains(job.connectionId()))
                .map(this::view).toList());
    }

    @GetMapping("/{id}")
    public ImportJobView get(@PathVariable long id) {
        return view(jobs.get(id));
    }

    /** The whole job again; its connection cannot change (400), its owner stays. */
    @PutMapping("/{id}")
    public ImportJobView update(@PathVariable long id, @RequestBody ImportJobRequest request) {
        return view(jobs.update(id, request));
    }

    /** 204; the job's runs go, their lines stay in the run history ({@code GET /api/runs}). */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable long id) {
        jobs.delete(id);
        return ResponseEntity.noContent().build();
    }

    /**
     * 202 {@code {"importRunId", "runIds"}}, or with {@code ?wait=true} 200 and the finished run. 409 when a flow or
     * company of it is already being imported, 422 when the connection has none of its companies selected.
     */
    @PostMapping("/{id}/run")
    public ResponseEntity<?> run(@PathVariable long id, @RequestParam(defaultValue = "false") boolean wait) {
        if (wait) {
            return ResponseEntity.ok(ImportJobRunView.of(jobs.runAndWait(id, Trigger.API)));
        }
        JobRunStarted started = jobs.start(id, Trigger.API);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("importRunId", started.importRunId());
        body.put("runIds", started.runIds());
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .location(URI.create("/api/import-jobs/" + id + "/runs/" + started.importRunId())).body(body);
    }

    /** {@code {"items": [...]}}: the job's runs, newest first. */
    @GetMapping("/{id}/runs")
    public Map<String, List<ImportJobRunView>> runs(@PathVariable long id, @RequestParam(required = false) Integer limit) {
        return Map.of("items", jobs.runs(id, PageLimit.resolve(limit)).stream().map(ImportJobRunView::of).toList());
    }

    @GetMapping("/{id}/runs/{runId}")
    public ImportJobRunView run(@PathVariable long id, @PathVariable long runId) {
        return ImportJobRunView.of(jobs.run(id, runId));
    }

    private ImportJobView view(ImportJob job) {
        return ImportJobView.of(job, jobs.lastRun(job.id()).orElse(null));
    }

    @ExceptionHandler(InvalidImportJobException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidImportJobException e) {
        return problem(HttpStatus.BAD_REQUEST, "the import job is not valid: see errors", e.problems());
    }

    @ExceptionHandler(ImportJobNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ImportJobNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("id", "no such import job")));
    }

    @ExceptionHandler(ImportJobRunNotFoundException.class)
    ResponseEntity<ProblemDetail> runNotFound(ImportJobRunNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), List.of(new FieldProblem("runId", "no such run of the job")));
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail, List<FieldProblem> errors) {
        return ResponseEntity.status(status).body(Problems.of(status, detail, errors));
    }
}
