package io.passerelle.api;

import java.net.URI;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ApprovalAccess;
import io.passerelle.approval.InvalidItemException;
import io.passerelle.approval.ItemConflictException;
import io.passerelle.approval.ItemNotFoundException;
import io.passerelle.invoice.InvoicePage;
import io.passerelle.invoice.InvoiceRequest;
import io.passerelle.invoice.InvoiceService;
import io.passerelle.invoice.InvoiceView;
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
 * {@code /api/invoices}: vendor invoices written by the platform. A new one is READY for an approver
 * ({@code /api/approvals}) unless its connection auto-accepts invoices. Writes are checked field by field (400
 * naming each, e.g. {@code lines[1].amount}); a reference already used for the company and vendor answers 409.
 */
@RestController
public class InvoiceController {

    private final InvoiceService invoices;
    private final ApprovalAccess access;

    public InvoiceController(InvoiceService invoices, ApprovalAccess access) {
        this.invoices = invoices;
        this.access = access;
    }

    @PostMapping("/api/invoices")
    public ResponseEntity<InvoiceView> create(@RequestBody InvoiceRequest request) {
        InvoiceView created = invoices.create(request, access.caller().map(ApiPrincipal::name).orElse(null));
        return ResponseEntity.created(URI.create("/api/invoices/" + created.id())).body(created);
    }

    @GetMapping("/api/invoices/{id}")
    public InvoiceView get(@PathVariable long id) {
        return invoices.get(id);
    }

    @GetMapping("/api/invoices")
    public InvoicePage search(@RequestParam(required = false) String company,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long after) {
        return invoices.search(CommitmentController.blankToNull(company), CommitmentController.state(state),
                after == null ? 0L : after, PageLimit.resolve(limit));
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
