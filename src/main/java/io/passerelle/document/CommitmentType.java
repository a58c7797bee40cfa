package io.passerelle.document;

import java.util.Locale;
import java.util.Optional;

/** What a commitment is written as in the ERP: a subcontract or a purchase order (Acumatica: Subcontract, PurchaseOrder). */
public enum CommitmentType {
    SUBCONTRACT, PURCHASE_ORDER;

    public static Optional<CommitmentType> parse(String text) {
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
