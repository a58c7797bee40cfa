package io.passerelle.bench;

/** One timed run; {@code read} is how many records it handled (all of them in a full run). */
record BenchResult(String scenario, String contender, long read, double seconds, double peakHeapMb) {

    double recordsPerSecond() {
        return seconds <= 0 ? 0 : read / seconds;
    }
}
