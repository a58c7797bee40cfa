package io.passerelle.sandbox.kit;

import java.util.List;

/**
 * Paging by {@code $top} and {@code $skip} (Acumatica's contract-based API): the answer is the slice, with
 * no envelope, no count and no link; a page shorter than {@code $top} is the last.
 */
public final class TopSkipPaging {

    private final BadParameter bad;

    public TopSkipPaging(BadParameter bad) {
        this.bad = bad;
    }

    /** The items after {@code $skip}, at most {@code $top} of them; both must be non-negative integers. */
    public <T> List<T> page(List<T> items, Query query) {
        int skip = query.nonNegativeInt("$skip", 0, bad);
        int top = query.nonNegativeInt("$top", Integer.MAX_VALUE, bad);
        if (skip >= items.size()) {
            return List.of();
        }
        return items.subList(skip, (int) Math.min(items.size(), (long) skip + top));
    }
}
