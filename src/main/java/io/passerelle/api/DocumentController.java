package io.passerelle.api;

import java.net.URI;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ApprovalAccess;
import io.passerelle.document.CommitmentKind;
import io.passerelle.document.CommitmentLine;
import io.passerelle.document.CommitmentRequest;
import io.passerelle.document.CommitmentTerms;
import io.passerelle.document.DocumentLine;
import io.passerelle.document.DocumentPage;
import io.passerelle.document.DocumentRequest;
import io.passerelle.document.DocumentService;
import io.passerelle.document.DocumentView;
import io.passerelle.document.InvoiceKind;
import io.passerelle.document.InvoiceLine;
import io.passerelle.document.InvoiceRequest;
import io.passerelle.document.InvoiceTerms;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * One kind of financial document under its path: {@code /api/commitments} (subcontracts and purchase orders) and
 * {@code /api/invoices} (vendor invoices), mounted below with their request type ({@code R}). A new document is
 * READY for an approver ({@code /api/approvals}) unless its connection auto-accepts the kind. Writes are checked
 * field by field (400 naming each, e.g. {@code lines[1].amount}); a reference already used for the company and
 * the kind's scope (type, vendor) answers 409.
 */
public abstract class DocumentController<R extends DocumentRequest<T, L>, T, L extends DocumentLine>
        extends ItemController {

    private final DocumentService<T, L> documents;
    private final ApprovalAccess access;

    DocumentController(DocumentService<T, L> documents, ApprovalAccess access) {
        this.documents = documents;
        this.access = access;
    }

    @PostMapping
    public ResponseEntity<DocumentView<T, L>> create(@RequestBody R request) {
        DocumentView<T, L> created = documents.create(request, access.caller().map(ApiPrincipal::name).orElse(null));
        return ResponseEntity.created(URI.create(documents.kind().apiPath() + "/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    public DocumentView<T, L> get(@PathVariable long id) {
        return documents.get(id);
    }

    @GetMapping
    public DocumentPage<T, L> search(@RequestParam(required = false) String company,
            @RequestParam(required = false) String state,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) Long after) {
        return documents.search(blankToNull(company), state(state), after == null ? 0L : after,
                PageLimit.resolve(limit));
    }

    @Override
    String idParameter() {
        return "id";
    }

    @RestController
    @RequestMapping(CommitmentKind.API_PATH)
    static class Commitments extends DocumentController<CommitmentRequest, CommitmentTerms, CommitmentLine> {
        Commitments(DocumentService<CommitmentTerms, CommitmentLine> commitments, ApprovalAccess access) {
            super(commitments, access);
        }
    }

    @RestController
    @RequestMapping(InvoiceKind.API_PATH)
    static class Invoices extends DocumentController<InvoiceRequest, InvoiceTerms, InvoiceLine> {
        Invoices(DocumentService<InvoiceTerms, InvoiceLine> invoices, ApprovalAccess access) {
            super(invoices, access);
        }
    }
}
