package io.passerelle.api;

import java.net.URI;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ApprovalAccess;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.InvalidItemException;
import io.passerelle.approval.ItemConflictException;
import io.passerelle.approval.ItemNotFoundException;
import io.passerelle.commitment.CommitmentPage;
import io.passerelle.commitment.CommitmentRequest;
import io.passerelle.commitment.CommitmentService;
import io.passerelle.commitment.CommitmentView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/commitments}: subcontracts and purchase orders written by the platform. A new one is READY for an
 * approver ({@code /api/approvals}) unless its connection auto-accepts commitments. Writes are checked field by
 * field (400 naming each, e.g. {@code lines[1].amount}); a reference already used for the company and type
 * answers 409.
 */
@RestController
public class CommitmentController {

    private final CommitmentService commitments;
    private final ApprovalAccess access;

    public CommitmentController(CommitmentService commitments, ApprovalAccess access) {
        this.commitments = commitments;
        this.access = access;
    }

    @PostMapping("/api/commitments")
    public ResponseEntity<CommitmentView> create(@RequestBody CommitmentRequest request) {
        CommitmentView created = commitments.create(request, access.caller().map(ApiPrincipal::name).orElse(null));
        return ResponseEntity.created(URI.create("/api/commitments/" + created.id())).body(created);
    }

    @GetMapping("/api/commitments/{id}")
    public CommitmentView get(@PathVariable long id) {
        return commitments.get(id);
    }

    @GetMapping("/api/commitments")
    public CommitmentPage search(@RequestParam(required = false) String company,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long after) {
        return commitments.search(blankToNull(company), state(state), after == null ? 0L : after,
                PageLimit.resolve(limit));
    }

    static ApprovalState state(String state) {
        if (state == null || state.isBlank()) {
            return null;
        }
        return ApprovalState.parse(state).orElseThrow(() -> new InvalidParameterException("state",
                "READY, ACCEPTED, REJECTED or EXPORTED"));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @ExceptionHandler(InvalidItemException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidItemException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, e.getMessage(), e.problems()));
    }

    @ExceptionHandler(ItemConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ItemConflictException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(Problems.of(HttpStatus.CONFLICT, e.getMessage(), e.field(), e.getMessage()));
    }

    @ExceptionHandler(ItemNotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(ItemNotFoundException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(Problems.of(HttpStatus.NOT_FOUND, e.getMessage(), "id", e.getMessage()));
    }
}
