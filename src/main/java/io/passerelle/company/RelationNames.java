package io.passerelle.company;

import io.passerelle.canonical.KeyNormalizer;

/**
 * Who a relation is, for matching: its name folded as keys are (Unicode NFC, every run of white space including
 * no-break spaces made one space, trimmed, see {@link KeyNormalizer}), then lower-cased, so that "Jan Peeters",
 * "jan  peeters" and "Jan\u00A0PEETERS" are one person. Never shown: the name is kept as it was spelled.
 */
final class RelationNames {

    private RelationNames() {
    }

    static String key(String name) {
        String folded = KeyNormalizer.searchFold(name);
        return folded == null ? "" : folded;
    }
}
