package io.passerelle.commitment;

import java.util.List;
import java.util.Optional;

import io.passerelle.approval.ApprovalItem;
import io.passerelle.approval.ApprovalItems;
import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.Decision;
import org.springframework.stereotype.Component;

/** Commitments as approval items ({@code commitment-<id>}). */
@Component
public class CommitmentApprovals implements ApprovalItems {

    private final CommitmentStore store;

    public CommitmentApprovals(CommitmentStore store) {
        this.store = store;
    }

    @Override
    public ApprovalKind kind() {
        return ApprovalKind.COMMITMENTS;
    }

    @Override
    public Optional<ApprovalItem> find(long id) {
        return store.search(id, null, null, null, 0, 1).stream().findFirst().map(CommitmentApprovals::item);
    }

    @Override
    public List<ApprovalItem> list(ApprovalState state, String company, String connection, long afterId, int limit) {
        return store.search(null, company, connection, state, afterId, limit).stream()
                .map(CommitmentApprovals::item).toList();
    }

    @Override
    public boolean decide(long id, ApprovalState state, Decision decision) {
        return store.decide(id, state, decision);
    }

    static ApprovalItem item(CommitmentView c) {
        return new ApprovalItem(c.itemId(), ApprovalKind.COMMITMENTS, c.type().name(), c.company(), c.connection(),
                c.reference(), c.vendorId(), c.projectId(), c.description(), c.date(), c.total(), c.state(),
                c.decidedBy(), c.decidedAt(), c.reason(), c.createdBy(), c.createdAt(), c.export(),
                "/api/commitments/" + c.id());
    }
}
