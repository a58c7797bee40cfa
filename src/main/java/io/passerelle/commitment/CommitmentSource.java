package io.passerelle.commitment;

import java.util.List;

import io.passerelle.document.Rows;
import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepted commitments as the export engine sees them (kind {@value #KIND}): those of the connection that it
 * does not hold yet (no export_item, or PENDING or REJECTED), keyset-paged by id. Source id = the commitment id
 * ({@code "12"}); idempotency key = {@code <type>:<reference>} ({@code SUBCONTRACT:SC-0042}), unique within
 * the connection's company. Rejected (by an approver) and READY commitments are never candidates.
 */
@Component
public class CommitmentSource implements ExportSource<ExportableCommitment> {

    /** The {@code export_item.kind} of commitments. */
    public static final String KIND = "COMMITMENT";

    private final CommitmentStore store;

    public CommitmentSource(CommitmentStore store) {
        this.store = store;
    }

    /** The idempotency key of a commitment: its type and the platform's reference. */
    public static String idempotencyKey(CommitmentType type, String reference) {
        return type.name() + ":" + reference;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExportCandidate<ExportableCommitment>> candidates(Connection connection, String after, int limit) {
        return store.exportable(connection.id(), Rows.afterId(after), limit).stream()
                .map(c -> new ExportCandidate<>(String.valueOf(c.id()), idempotencyKey(c.type(), c.reference()), c,
                        c.exportState() != null))
                .toList();
    }

    /** Nothing to do: an accepted commitment stays ACCEPTED; EXPORTED is read from export_item. */
    @Override
    public void sent(Connection connection, List<ExportableCommitment> items) {
        // the export ledger is the record of what went
    }

    /** Nothing to do either: the ledger row reconciliation writes is what makes it EXPORTED. */
    @Override
    public void delivered(Connection connection, List<String> sourceIds) {
        // the export ledger is the record of what went
    }
}
