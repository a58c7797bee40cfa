package io.passerelle.bench;

/** One way of bringing the simulator's employees into the database, timed by {@link SyncBenchmark}. */
interface Contender {

    String name();

    /** Untimed: a fresh, empty table for this contender. */
    void prepare();

    /** Every record; answers how many were read. */
    long full();

    /** What changed since {@link #full()}; answers how many were read. */
    long incremental();
}
