package io.passerelle.approval;

import java.util.List;
import java.util.Optional;

/** The items of one kind, as the approval gate sees them; one bean per kind (commitments, invoices). */
public interface ApprovalItems {

    ApprovalKind kind();

    Optional<ApprovalItem> find(long id);

    /** Items by id after {@code afterId}; every filter optional (state EXPORTED included). */
    List<ApprovalItem> list(ApprovalState state, String company, String connection, long afterId, int limit);

    /** READY → ACCEPTED or REJECTED with its decision; false when the item is not READY (any more). */
    boolean decide(long id, ApprovalState state, Decision decision);
}
