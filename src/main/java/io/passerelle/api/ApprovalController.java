package io.passerelle.api;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ApprovalAccess;
import io.passerelle.approval.ApprovalItem;
import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalPage;
import io.passerelle.approval.ApprovalService;
import io.passerelle.approval.ItemNotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/approvals}: the gate of financial writes. Any role may read. Accepting or rejecting needs ADMIN,
 * or an APPROVER whose capabilities hold the item's kind (COMMITMENTS for {@code commitment-<id>}, INVOICES for
 * {@code invoice-<id>}): 403 otherwise, checked before anything else. A rejection needs a reason (400); an item
 * no longer READY answers 409. The decision records the token's name and the time.
 */
@RestController
public class ApprovalController extends ItemController {

    /** The body of a rejection. */
    public record RejectRequest(String reason) {
    }

    private final ApprovalService approvals;
    private final ApprovalAccess access;

    public ApprovalController(ApprovalService approvals, ApprovalAccess access) {
        this.approvals = approvals;
        this.access = access;
    }

    @GetMapping("/api/approvals")
    public ApprovalPage list(@RequestParam(required = false) String state,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) String connection,
            @RequestParam(required = false) Integer limit,
            @RequestParam(required = false) String after) {
        ApprovalKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = ApprovalKind.parse(kind).orElseThrow(() -> new InvalidParameterException("kind",
                    "COMMITMENTS or INVOICES"));
        }
        ApprovalKind.ItemRef from = null;
        if (after != null && !after.isBlank()) {
            from = ApprovalKind.parseItemId(after).orElseThrow(() -> new InvalidParameterException("after",
                    "an item id such as commitment-12 or invoice-7"));
        }
        return approvals.list(state(state), k, blankToNull(company),
                blankToNull(connection), from, PageLimit.resolve(limit));
    }

    @GetMapping("/api/approvals/{itemId}")
    public ApprovalItem get(@PathVariable String itemId) {
        return approvals.get(ref(itemId));
    }

    @PostMapping("/api/approvals/{itemId}/accept")
    public ApprovalItem accept(@PathVariable String itemId) {
        ApprovalKind.ItemRef ref = ref(itemId);
        access.requireApprove(ref.kind().name());
        return approvals.accept(ref, caller());
    }

    @PostMapping("/api/approvals/{itemId}/reject")
    public ApprovalItem reject(@PathVariable String itemId, @RequestBody(required = false) RejectRequest request) {
        ApprovalKind.ItemRef ref = ref(itemId);
        access.requireApprove(ref.kind().name());
        return approvals.reject(ref, request == null ? null : request.reason(), caller());
    }

    private String caller() {
        return access.caller().map(ApiPrincipal::name).orElse(null);
    }

    private static ApprovalKind.ItemRef ref(String itemId) {
        return ApprovalKind.parseItemId(itemId).orElseThrow(() -> new ItemNotFoundException(
                "approval item (ids are commitment-<id> or invoice-<id>)"));
    }

    @Override
    String idParameter() {
        return "itemId";
    }
}
