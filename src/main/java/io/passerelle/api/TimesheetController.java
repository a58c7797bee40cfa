package io.passerelle.api;

import java.net.URI;
import java.util.List;

import io.passerelle.connection.FieldProblem;
import io.passerelle.timesheet.InvalidTimesheetException;
import io.passerelle.timesheet.LineRequest;
import io.passerelle.timesheet.StatusRequest;
import io.passerelle.timesheet.TimesheetConflictException;
import io.passerelle.timesheet.TimesheetPage;
import io.passerelle.timesheet.TimesheetService;
import io.passerelle.timesheet.TimesheetStatus;
import io.passerelle.timesheet.TimesheetRequest;
import io.passerelle.timesheet.TimesheetView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/timesheets}: timesheets written by the platform and exported by Passerelle. Writes are checked
 * field by field (400 naming each, e.g. {@code lines[2].activityCode}); a FROZEN sheet answers 409 to edits,
 * except the correction of a line its ERP rejected ({@code PUT /api/timesheets/{id}/lines/{lineId}}).
 */
@RestController
public class TimesheetController {

    private final TimesheetService timesheets;

    public TimesheetController(TimesheetService timesheets) {
        this.timesheets = timesheets;
    }

    @PostMapping("/api/timesheets")
    public ResponseEntity<TimesheetView> create(@RequestBody TimesheetRequest request) {
        TimesheetView created = timesheets.create(request);
        return ResponseEntity.created(URI.create("/api/timesheets/" + created.id())).body(created);
    }

    @GetMapping("/api/timesheets/{id}")
    public TimesheetView get(@PathVariable String id) {
        return timesheets.get(id);
    }

    @GetMapping("/api/timesheets")
    public TimesheetPage search(@RequestParam(required = false) String company,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        TimesheetStatus filter = null;
        if (status != null && !status.isBlank()) {
            filter = TimesheetStatus.parse(status)
                    .orElseThrow(() -> new InvalidParameterException("status", "DRAFT, VALIDATED or FROZEN"));
        }
        return timesheets.search(blankToNull(company), filter, blankToNull(after), PageLimit.resolve(limit));
    }

    @PutMapping("/api/timesheets/{id}/status")
    public TimesheetView changeStatus(@PathVariable String id, @RequestBody StatusRequest request) {
        String text = request == null ? null : request.status();
        TimesheetStatus next = TimesheetStatus.parse(text).orElseThrow(() -> new InvalidTimesheetException(
                List.of(new FieldProblem("status", text == null || text.isBlank() ? "required"
                        : "DRAFT, VALIDATED or FROZEN")), false));
        return timesheets.changeStatus(id, next);
    }

    @PutMapping("/api/timesheets/{id}")
    public TimesheetView replaceLines(@PathVariable String id, @RequestBody TimesheetRequest request) {
        return timesheets.replaceLines(id, request);
    }

    @PutMapping("/api/timesheets/{id}/lines/{lineId}")
    public TimesheetView correctLine(@PathVariable String id, @PathVariable String lineId,
            @RequestBody LineRequest line) {
        return timesheets.correctLine(id, lineId, line);
    }

    @ExceptionHandler(InvalidTimesheetException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidTimesheetException e) {
        HttpStatus status = e.conflict() ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST;
        return ResponseEntity.status(status).body(Problems.of(status, e.getMessage(), e.problems()));
    }

    @ExceptionHandler(TimesheetConflictException.class)
    ResponseEntity<ProblemDetail> conflict(TimesheetConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, e.getMessage(), e.problems()));
    }

    /** Two writers racing for one line id: the loser is told, without the database's words. */
    @ExceptionHandler(DuplicateKeyException.class)
    ResponseEntity<ProblemDetail> duplicate(DuplicateKeyException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Problems.of(HttpStatus.CONFLICT,
                "a line id is already taken", "lines", "a line id is already a line of another timesheet"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
