package io.passerelle.invoice;

import java.util.List;
import java.util.Optional;

import io.passerelle.approval.ApprovalItem;
import io.passerelle.approval.ApprovalItems;
import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.Decision;
import org.springframework.stereotype.Component;

/** Invoices as approval items ({@code invoice-<id>}). */
@Component
public class InvoiceApprovals implements ApprovalItems {

    private final InvoiceStore store;

    public InvoiceApprovals(InvoiceStore store) {
        this.store = store;
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.INVOICES;
    }

    @Override
    public Optional<ApprovalItem> find(long id) {
        return store.search(id, null, null, null, 0, 1).stream().findFirst().map(InvoiceApprovals::item);
    }

    @Override
    public List<ApprovalItem> list(ApprovalState state, String company, String connection, long afterId, int limit) {
        return store.search(null, company, connection, state, afterId, limit).stream()
                .map(InvoiceApprovals::item).toList();
    }

    @Override
    public boolean decide(long id, ApprovalState state, Decision decision) {
        return store.decide(id, state, decision);
    }

    static ApprovalItem item(InvoiceView i) {
        return new ApprovalItem(i.itemId(), ApprovalKind.INVOICES, "INVOICE", i.company(), i.connection(),
                i.reference(), i.vendorId(), i.projectId(), i.description(), i.date(), i.total(), i.state(),
                i.decidedBy(), i.decidedAt(), i.reason(), i.createdBy(), i.createdAt(), i.export(),
                "/api/invoices/" + i.id());
    }
}
