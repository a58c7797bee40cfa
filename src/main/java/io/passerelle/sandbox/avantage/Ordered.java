package io.passerelle.sandbox.avantage;

import java.util.Comparator;

/**
 * A position in LIST order: (modifiedAt, key, subKey). Items and cursor positions share it so that a
 * cursor can seek straight into the sorted store instead of scanning.
 */
public interface Ordered {

    /** Hand-written rather than composed: it runs ~20 times per insert into a million-record table. */
    Comparator<Ordered> LIST_ORDER = (a, b) -> {
        int c = Long.compare(a.modifiedAtMillis(), b.modifiedAtMillis());
        if (c != 0) {
            return c;
        }
        c = a.key().compareTo(b.key());
        return c != 0 ? c : a.subKey().compareTo(b.subKey());
    };

    long modifiedAtMillis();

    String key();

    /** Second key part; only ACTIVITY has one (its code within the project), others answer "". */
    String subKey();

    record Position(long modifiedAtMillis, String key, String subKey) implements Ordered {
    }
}
