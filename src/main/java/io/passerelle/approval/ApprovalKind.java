package io.passerelle.approval;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kinds of approval item, named as the capabilities that release them. An item's id tells its kind:
 * {@code commitment-12} is commitment 12, {@code invoice-7} invoice 7 (each kind has its own number space).
 */
public enum ApprovalKind {
    COMMITMENTS("commitment"),
    INVOICES("invoice");

    private static final Pattern ITEM_ID = Pattern.compile("([a-z]+)-([1-9][0-9]{0,17})");

    private final String prefix;

    ApprovalKind(String prefix) {
        this.prefix = prefix;
    }

    /** The approval item id of a commitment or invoice, e.g. {@code commitment-12}. */
    public String itemId(long id) {
        return prefix + "-" + id;
    }

    /** {@code COMMITMENTS} or {@code INVOICES}, also spelt {@code commitment}, {@code invoices}, …; */
    public static Optional<ApprovalKind> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String plural = text.trim().toUpperCase(Locale.ROOT);
        if (!plural.endsWith("S")) {
            plural = plural + "S";
        }
        for (ApprovalKind kind : values()) {
            if (kind.name().equals(plural)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** An item id split into its kind and number; empty when it is not one. */
    public static Optional<ItemRef> parseItemId(String itemId) {
        if (itemId == null) {
            return Optional.empty();
        }
        Matcher m = ITEM_ID.matcher(itemId.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        for (ApprovalKind kind : values()) {
            if (kind.prefix.equals(m.group(1))) {
                return Optional.of(new ItemRef(kind, Long.parseLong(m.group(2))));
            }
        }
        return Optional.empty();
    }

    /** One item: its kind and its commitment or invoice id. */
    public record ItemRef(ApprovalKind kind, long id) {
        public String itemId() {
            return kind.itemId(id);
        }
    }
}
