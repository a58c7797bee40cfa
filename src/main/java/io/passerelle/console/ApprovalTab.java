package io.passerelle.console;

import java.util.Locale;
import java.util.Optional;

import io.passerelle.approval.ApprovalItem;
import io.passerelle.approval.ApprovalState;

/**
 * The tabs of the Approvals page. Four are the API's states; FAILED is an ACCEPTED item the ERP refused (its export
 * REJECTED) or never answered for (UNKNOWN): a person has to look at it. ACCEPTED shows the other accepted ones,
 * waiting for or on their way to the ERP.
 */
public enum ApprovalTab {
    READY(ApprovalState.READY),
    ACCEPTED(ApprovalState.ACCEPTED),
    EXPORTED(ApprovalState.EXPORTED),
    REJECTED(ApprovalState.REJECTED),
    FAILED(ApprovalState.ACCEPTED);

    private final ApprovalState state;

    ApprovalTab(ApprovalState state) {
        this.state = state;
    }

    /** The state the API is asked for; the tab may show only some of its items ({@link #shows}). */
    ApprovalState state() {
        return state;
    }

    boolean shows(ApprovalItem item) {
        return switch (this) {
            case FAILED -> failed(item);
            case ACCEPTED -> !failed(item);
            default -> true;
        };
    }

    /** As the page's address spells it: {@code ready}, {@code failed}, … */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ApprovalTab> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.of(READY);
        }
        for (ApprovalTab tab : values()) {
            if (tab.name().equalsIgnoreCase(text.strip())) {
                return Optional.of(tab);
            }
        }
        return Optional.empty();
    }

    private static boolean failed(ApprovalItem item) {
        return item.export() != null
                && ("REJECTED".equals(item.export().state()) || "UNKNOWN".equals(item.export().state()));
    }
}
