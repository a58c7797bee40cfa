package io.passerelle.api;

/** The {@code limit} of a listing: a default when absent, capped at a maximum, and at least 1. */
final class PageLimit {

    static final int DEFAULT = 50;
    static final int MAX = 500;

    private PageLimit() {
    }

    static int resolve(Integer requested) {
        if (requested == null) {
            return DEFAULT;
        }
        if (requested < 1) {
            throw new InvalidParameterException("limit", "must be at least 1 (at most " + MAX + " are returned)");
        }
        return Math.min(requested, MAX);
    }
}
