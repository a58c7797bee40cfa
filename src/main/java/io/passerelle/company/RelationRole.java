package io.passerelle.company;

import java.util.Locale;
import java.util.Optional;

/** What a relation is to its company. */
public enum RelationRole {
    DIRECTOR("director"),
    SHAREHOLDER("shareholder"),
    AUDITOR("auditor");

    private final String word;

    RelationRole(String word) {
        this.word = word;
    }

    /** The role in a sentence: "a director". */
    String word() {
        return word;
    }

    /** DIRECTOR, SHAREHOLDER or AUDITOR, in any case; empty for anything else. */
    static Optional<RelationRole> parse(String text) {
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
