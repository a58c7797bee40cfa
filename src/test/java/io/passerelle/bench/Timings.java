package io.passerelle.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/** The timed runs of a benchmark, each printed as it ends, and per scenario × contender the median of its runs. */
final class Timings {

    private record Run(long read, double seconds, double peakHeapMb) {
    }

    private final String db;
    private final Map<String, List<Run>> runs = new LinkedHashMap<>();

    Timings(String db) {
        this.db = db;
    }

    void time(String scenario, String contender, LongSupplier work) {
        HeapPeak.reset();
        long start = System.nanoTime();
        long read = work.getAsLong();
        double seconds = (System.nanoTime() - start) / 1e9;
        Run run = new Run(read, seconds, HeapPeak.peakMb());
        runs.computeIfAbsent(scenario + "\u0000" + contender, key -> new ArrayList<>()).add(run);
        System.out.printf(Locale.ROOT, "  %-11s %-12s %,9d records in %8.3f s: %,10.0f records/s, peak heap %6.1f MiB%n",
                scenario, contender, read, seconds, seconds <= 0 ? 0 : read / seconds, run.peakHeapMb());
    }

    /** Per scenario × contender, in the order first timed: the median run (the lower middle one of an even count). */
    List<BenchResult> medians() {
        List<BenchResult> results = new ArrayList<>();
        runs.forEach((key, list) -> {
            String[] names = key.split("\u0000");
            List<Run> sorted = list.stream().sorted(Comparator.comparingDouble(Run::seconds)).toList();
            Run median = sorted.get((sorted.size() - 1) / 2);
            results.add(new BenchResult(names[0], names[1], db, median.read(), median.seconds(), median.peakHeapMb(),
                    list.stream().map(Run::seconds).toList()));
        });
        return results;
    }
}
