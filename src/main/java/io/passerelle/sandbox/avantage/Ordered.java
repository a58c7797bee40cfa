package io.passerelle.sandbox.avantage;

import java.util.Comparator;

/**
 * A position in LIST order: (modifiedAt, key, subKey). Items and cursor positions share it so that a
 * cursor can seek straight into the sorted store instead of scanning.
 */
public interface Ordered {

    Comparator<Ordered> LIST_ORDER = Comparator.comparingLong(Ordered::modifiedAtMillis)
            .thenComparing(Ordered::key)
            .thenComparing(Ordered::subKey);

    long modifiedAtMillis();

    String key();

    /** Second key part; only ACTIVITY has one (its code within the project), others answer "". */
    String subKey();

    record Position(long modifiedAtMillis, String key, String subKey) implements Ordered {
    }
}
