package io.passerelle.document;

import java.util.List;
import java.util.Optional;

import io.passerelle.approval.ApprovalItem;
import io.passerelle.approval.ApprovalItems;
import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.Decision;

/** One kind's documents as approval items ({@code commitment-<id>}, {@code invoice-<id>}). */
class DocumentApprovals<T, L extends DocumentLine> implements ApprovalItems {

    private final DocumentStore<T, L> store;

    DocumentApprovals(DocumentStore<T, L> store) {
        this.store = store;
    }

    @Override
    public ApprovalKind kind() {
        return store.kind().approvalKind();
    }

    @Override
    public Optional<ApprovalItem> find(long id) {
        return store.search(id, null, null, null, 0, 1).stream().findFirst().map(this::item);
    }

    @Override
    public List<ApprovalItem> list(ApprovalState state, String company, String connection, long afterId, int limit) {
        return store.search(null, company, connection, state, afterId, limit).stream().map(this::item).toList();
    }

    @Override
    public boolean decide(long id, ApprovalState state, Decision decision) {
        return store.decide(id, state, decision);
    }

    private ApprovalItem item(DocumentView<T, L> d) {
        DocumentKind<T, L> kind = store.kind();
        return new ApprovalItem(d.itemId(), kind.approvalKind(), kind.itemType(d.terms()), d.company(), d.connection(),
                d.reference(), d.vendorId(), d.projectId(), d.description(), d.date(), d.total(), d.state(),
                d.decidedBy(), d.decidedAt(), d.reason(), d.createdBy(), d.createdAt(), d.export(),
                kind.apiPath() + "/" + d.id());
    }
}
