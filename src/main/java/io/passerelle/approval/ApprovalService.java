package io.passerelle.approval;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.passerelle.connection.FieldProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The approval gate of financial writes: lists the items, and accepts or rejects a READY one once, recording
 * who and when (and why, for a rejection). Whether the caller may decide for the item's kind is the API's
 * check ({@code ApprovalAccess}), made before calling here. Accepted items become export candidates of their
 * connection; rejected ones never do.
 */
@Service
public class ApprovalService {

    public static final int MAX_REASON = 2000;

    private final Map<ApprovalKind, ApprovalItems> kinds = new EnumMap<>(ApprovalKind.class);
    private final Clock clock;

    @Autowired
    public ApprovalService(List<ApprovalItems> items) {
        this(items, Clock.systemUTC());
    }

    ApprovalService(List<ApprovalItems> items, Clock clock) {
        for (ApprovalItems kind : items) {
            kinds.put(kind.kind(), kind);
        }
        this.clock = clock;
    }

    /**
     * Items, commitments first then invoices, each by id; {@code kind} null for both. {@code after} is the last
     * item id of the previous page (null for the first).
     */
    @Transactional(readOnly = true)
    public ApprovalPage list(ApprovalState state, ApprovalKind kind, String company, String connection,
            ApprovalKind.ItemRef after, int limit) {
        List<ApprovalItem> found = new ArrayList<>();
        for (ApprovalKind k : ApprovalKind.values()) {
            if ((kind != null && k != kind) || (after != null && k.ordinal() < after.kind().ordinal())
                    || found.size() > limit) {
                continue;
            }
            long afterId = after != null && after.kind() == k ? after.id() : 0L;
            found.addAll(items(k).list(state, company, connection, afterId, limit + 1 - found.size()));
        }
        boolean more = found.size() > limit;
        List<ApprovalItem> page = more ? found.subList(0, limit) : found;
        return new ApprovalPage(List.copyOf(page), more ? page.get(page.size() - 1).id() : null);
    }

    @Transactional(readOnly = true)
    public ApprovalItem get(ApprovalKind.ItemRef ref) {
        return items(ref.kind()).find(ref.id()).orElseThrow(() -> new ItemNotFoundException("item " + ref.itemId()));
    }

    /** READY → ACCEPTED by {@code by} (a token's name); 404 unknown, 409 not READY. */
    @Transactional
    public ApprovalItem accept(ApprovalKind.ItemRef ref, String by) {
        return decide(ref, ApprovalState.ACCEPTED, new Decision(by, clock.instant(), null));
    }

    /** READY → REJECTED by {@code by}, with its reason (required); the item is never sent. */
    @Transactional
    public ApprovalItem reject(ApprovalKind.ItemRef ref, String reason, String by) {
        String text = reason == null ? null : reason.strip();
        if (text == null || text.isEmpty()) {
            throw new InvalidItemException("a rejection needs a reason",
                    List.of(new FieldProblem("reason", "required")));
        }
        if (text.codePointCount(0, text.length()) > MAX_REASON) {
            throw new InvalidItemException("the reason is too long",
                    List.of(new FieldProblem("reason", "at most " + MAX_REASON + " characters")));
        }
        return decide(ref, ApprovalState.REJECTED, new Decision(by, clock.instant(), text));
    }

    private ApprovalItem decide(ApprovalKind.ItemRef ref, ApprovalState to, Decision decision) {
        ApprovalItem item = get(ref);
        if (item.state() != ApprovalState.READY || !items(ref.kind()).decide(ref.id(), to, decision)) {
            ApprovalItem now = get(ref);
            throw new ItemConflictException("state", ref.itemId() + " is " + now.state() + ", not READY"
                    + (now.decidedBy() == null ? "" : " (decided by " + now.decidedBy() + ")"));
        }
        return get(ref);
    }

    private ApprovalItems items(ApprovalKind kind) {
        ApprovalItems items = kinds.get(kind);
        if (items == null) {
            throw new IllegalStateException("no approval items of kind " + kind);
        }
        return items;
    }
}
