package io.passerelle.api.security;

import java.util.Locale;
import java.util.Optional;

/** The kinds of financial write an APPROVER token may release. */
public enum Capability {
    COMMITMENTS, INVOICES, TIMESHEETS;

    public String authority() {
        return "CAPABILITY_" + name();
    }

    /** The capability for an approval kind, spelt either way: {@code commitment}, {@code COMMITMENTS}, … */
    public static Optional<Capability> forKind(String kind) {
        if (kind == null || kind.isBlank()) {
            return Optional.empty();
        }
        String plural = kind.trim().toUpperCase(Locale.ROOT);
        if (!plural.endsWith("S")) {
            plural = plural + "S";
        }
        for (Capability capability : values()) {
            if (capability.name().equals(plural)) {
                return Optional.of(capability);
            }
        }
        return Optional.empty();
    }
}
