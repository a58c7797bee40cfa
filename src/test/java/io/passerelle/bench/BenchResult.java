package io.passerelle.bench;

import java.util.List;

/**
 * One scenario of one contender: {@code read} is how many records a run handled (all of them in a full run),
 * {@code seconds} the median of its {@code runs} (seconds each), {@code peakHeapMb} that of the median run.
 */
record BenchResult(String scenario, String contender, String db, long read, double seconds, double peakHeapMb,
        List<Double> runs) {

    double recordsPerSecond() {
        return seconds <= 0 ? 0 : read / seconds;
    }
}
