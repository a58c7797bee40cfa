package io.passerelle.api.security;

import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Whether the caller may release a financial write of a given kind: ADMIN always, APPROVER for the kinds in
 * its capabilities. For approval controllers: {@code @PreAuthorize("@approvalAccess.canApprove(#kind)")} or
 * {@code approvalAccess.requireApprove(item.kind())} once the item is loaded.
 */
@Component("approvalAccess")
public class ApprovalAccess {

    public boolean canApprove(String kind) {
        Optional<Capability> capability = Capability.forKind(kind);
        return capability.isPresent() && canApprove(capability.get());
    }

    public boolean canApprove(Capability capability) {
        return caller().map(principal -> principal.holds(capability)).orElse(false);
    }

    /** Throws {@link AccessDeniedException} (403) unless the caller may release items of that kind. */
    public void requireApprove(String kind) {
        if (!canApprove(kind)) {
            throw new AccessDeniedException("this token may not approve " + kind);
        }
    }

    public Optional<ApiPrincipal> caller() {
        return ApiPrincipal.current();
    }
}
