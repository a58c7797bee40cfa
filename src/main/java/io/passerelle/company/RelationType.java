package io.passerelle.company;

import java.util.Locale;
import java.util.Optional;

/** Whether a relation is a person or a company (a company director names its permanent representative). */
public enum RelationType {
    PERSON,
    COMPANY;

    /** PERSON or COMPANY, in any case; empty for anything else. */
    static Optional<RelationType> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.strip().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
