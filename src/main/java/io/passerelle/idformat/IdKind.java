package io.passerelle.idformat;

import java.util.Locale;
import java.util.Optional;

/** The ids whose format a connection may constrain, by their key in {@code options.idFormats}. */
public enum IdKind {
    COST_CODE("costCode", "cost codes"),
    PROJECT_ID("projectId", "project ids"),
    PROJECT_TASK_ID("projectTaskId", "project task ids"),
    PROJECT_TEMPLATE_ID("projectTemplateId", "project template ids"),
    VENDOR_ID("vendorId", "vendor ids"),
    CUSTOMER_ID("customerId", "customer ids");

    private final String key;
    private final String label;

    IdKind(String key, String label) {
        this.key = key;
        this.label = label;
    }

    /** The key in {@code options.idFormats}, e.g. {@code vendorId}. */
    public String key() {
        return key;
    }

    /** How messages name the kind, e.g. {@code vendor ids}. */
    public String label() {
        return label;
    }

    /** By option key ({@code vendorId}) or by name ({@code VENDOR_ID}), case-insensitively. */
    public static Optional<IdKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim();
        for (IdKind kind : values()) {
            if (kind.key.equalsIgnoreCase(wanted) || kind.name().equalsIgnoreCase(wanted.toUpperCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
