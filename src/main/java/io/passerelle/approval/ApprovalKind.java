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
    COMMITMENTS("commitment", "COMMITMENT"),
    INVOICES("invoice", "INVOICE");

    private static final Pattern ITEM_ID = Pattern.compile("(commitment|invoice)-([1-9][0-9]{0,17})");

    private final String prefix;
    private final String exportKind;

    ApprovalKind(String prefix, String exportKind) {
        this.prefix = prefix;
        this.exportKind = exportKind;
    }

    /** The approval item id of a commitment or invoice, e.g. {@code commitment-12}. */
    public String itemId(long id) {
        return prefix + "-" + id;
    }

    /** The {@code export_item.kind} of this kind's items. */
    public String exportKind() {
        return exportKind;
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
        ApprovalKind kind = m.group(1).equals("commitment") ? COMMITMENTS : INVOICES;
        return Optional.of(new ItemRef(kind, Long.parseLong(m.group(2))));
    }

    /** One item: its kind and its commitment or invoice id. */
    public record ItemRef(ApprovalKind kind, long id) {
        public String itemId() {
            return kind.itemId(id);
        }
    }
}
