package io.passerelle.commitment;

import java.time.Clock;
import java.util.List;

import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.AutoAccept;
import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.Decision;
import io.passerelle.approval.ItemConflictException;
import io.passerelle.approval.ItemNotFoundException;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.idformat.IdFormats;
import io.passerelle.sync.SyncedKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Commitments written by the platform: checked field by field, stored READY (or ACCEPTED at once when the
 * connection's {@code autoAccept} names COMMITMENTS), and shown with their approval and export states.
 * The reference is unique per company and type: a second commitment with it answers 409.
 */
@Service
public class CommitmentService {

    private final CommitmentStore store;
    private final CommitmentValidator validator;
    private final Clock clock;

    @Autowired
    public CommitmentService(CommitmentStore store, ConnectionDirectory connections, IdFormats idFormats,
            SyncedKeys synced) {
        this(store, new CommitmentValidator(connections, idFormats, synced), Clock.systemUTC());
    }

    CommitmentService(CommitmentStore store, CommitmentValidator validator, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
    }

    /** Stores a new commitment; {@code createdBy} is the calling token's name. */
    @Transactional
    public CommitmentView create(CommitmentRequest request, String createdBy) {
        ValidCommitment commitment = validator.validate(request);
        String connectionId = commitment.connection().id();
        long companyId = store.companyOfConnection(connectionId)
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        store.referenceTaken(companyId, commitment.type(), commitment.reference()).ifPresent(taken -> {
            throw taken(taken);
        });
        var now = clock.instant();
        boolean auto = AutoAccept.accepts(commitment.connection().options(), ApprovalKind.COMMITMENTS);
        long id;
        try {
            id = store.insert(companyId, commitment, auto ? ApprovalState.ACCEPTED : ApprovalState.READY,
                    auto ? new Decision(AutoAccept.BY, now, null) : null, createdBy, now);
        } catch (DuplicateKeyException e) {
            // a concurrent writer took the reference between the check and the insert (the transaction is spent)
            throw taken(0L);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public CommitmentView get(long id) {
        return store.view(id).orElseThrow(() -> new ItemNotFoundException("commitment " + id));
    }

    /** Commitments, optionally of one company and state, by id after {@code after}. */
    @Transactional(readOnly = true)
    public CommitmentPage search(String company, ApprovalState state, long after, int limit) {
        List<CommitmentView> page = store.search(null, company, null, state, after, limit + 1);
        boolean more = page.size() > limit;
        List<CommitmentView> items = more ? page.subList(0, limit) : page;
        return new CommitmentPage(List.copyOf(items), more ? String.valueOf(items.get(items.size() - 1).id()) : null);
    }

    private static ItemConflictException taken(long existingId) {
        return new ItemConflictException("reference", "already the reference of "
                + (existingId > 0 ? ApprovalKind.COMMITMENTS.itemId(existingId) : "another commitment")
                + " for this company and type");
    }
}
