package io.passerelle.approval;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The connection option {@code "autoAccept": ["COMMITMENTS", "INVOICES"]}: items of the kinds listed skip the
 * approval gate (they are ACCEPTED when created). A single string is read as a one-kind list; kinds are spelt
 * as {@link ApprovalKind#parse} reads them. A plain bean.
 */
public final class AutoAccept {

    public static final String OPTION = "autoAccept";
    /** Recorded as the decision's author of an automatic acceptance. */
    public static final String BY = "autoAccept";

    private AutoAccept() {
    }

    public static boolean accepts(Map<String, Object> options, ApprovalKind kind) {
        Object raw = options == null ? null : options.get(OPTION);
        Collection<?> kinds = raw instanceof Collection<?> list ? list : raw == null ? List.of() : List.of(raw);
        return kinds.stream().anyMatch(k -> k != null && ApprovalKind.parse(String.valueOf(k)).orElse(null) == kind);
    }
}
