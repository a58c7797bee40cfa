package io.passerelle.approval;

import java.util.Locale;
import java.util.Optional;

/**
 * Where an approval item stands. READY, ACCEPTED and REJECTED are stored; EXPORTED is an ACCEPTED item whose
 * {@code export_item} for its connection is ACCEPTED or DUPLICATE (the ERP holds it).
 */
public enum ApprovalState {
    READY, ACCEPTED, REJECTED, EXPORTED;

    public static Optional<ApprovalState> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
