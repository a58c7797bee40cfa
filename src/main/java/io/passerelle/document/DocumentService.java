package io.passerelle.document;

import java.time.Clock;
import java.util.List;

import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.AutoAccept;
import io.passerelle.approval.Decision;
import io.passerelle.approval.ItemConflictException;
import io.passerelle.approval.ItemNotFoundException;
import io.passerelle.connection.ConnectionNotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;

/**
 * One kind's documents written by the platform: checked field by field, stored READY (or ACCEPTED at once when
 * the connection's {@code autoAccept} names the kind), and shown with their approval and export states. The
 * reference is unique per company and the kind's scope (a commitment's type, an invoice's vendor): a second
 * document with it answers 409.
 */
public class DocumentService<T, L extends DocumentLine> {

    private final DocumentStore<T, L> store;
    private final DocumentValidator<T, L> validator;
    private final Clock clock;

    DocumentService(DocumentStore<T, L> store, DocumentValidator<T, L> validator, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
    }

    public DocumentKind<T, L> kind() {
        return store.kind();
    }

    /** Stores a new document; {@code createdBy} is the calling token's name. */
    @Transactional
    public DocumentView<T, L> create(DocumentRequest<T, L> request, String createdBy) {
        ValidDocument<T, L> document = validator.validate(request);
        String connectionId = document.connection().id();
        long companyId = store.companyOfConnection(connectionId)
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        store.referenceTaken(companyId, document).ifPresent(taken -> {
            throw taken(taken);
        });
        var now = clock.instant();
        boolean auto = AutoAccept.accepts(document.connection().options(), kind().approvalKind());
        long id;
        try {
            id = store.insert(companyId, document, auto ? ApprovalState.ACCEPTED : ApprovalState.READY,
                    auto ? new Decision(AutoAccept.BY, now, null) : null, createdBy, now);
        } catch (DuplicateKeyException e) {
            // a concurrent writer took the reference between the check and the insert (the transaction is spent)
            throw taken(0L);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public DocumentView<T, L> get(long id) {
        return store.view(id).orElseThrow(() -> new ItemNotFoundException(kind().name() + " " + id));
    }

    /** Documents, optionally of one company and state, by id after {@code after}. */
    @Transactional(readOnly = true)
    public DocumentPage<T, L> search(String company, ApprovalState state, long after, int limit) {
        List<DocumentView<T, L>> page = store.search(null, company, null, state, after, limit + 1);
        boolean more = page.size() > limit;
        List<DocumentView<T, L>> items = more ? page.subList(0, limit) : page;
        return new DocumentPage<>(List.copyOf(items), more ? String.valueOf(items.get(items.size() - 1).id()) : null);
    }

    private ItemConflictException taken(long existingId) {
        return new ItemConflictException("reference", "already the reference of "
                + (existingId > 0 ? kind().approvalKind().itemId(existingId) : "another " + kind().name())
                + " for this company and " + kind().referenceScope());
    }
}
