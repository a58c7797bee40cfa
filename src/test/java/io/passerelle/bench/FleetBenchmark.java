package io.passerelle.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.sandbox.avantage.AvantageSimulatorProperties;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The fleet scenario (issue 17): N Avantage connections with 6 scheduled flows each, in ONE instance, run by the
 * application's own schedules (the connections' {@code schedules}, one camel-quartz route per flow) for a number of
 * rounds. A user's schedule is hourly; the bench compresses the hour into {@code -Dbench.fleet.period} (a divisor of
 * a minute or of an hour) and spreads the 6N flows' fire times evenly over it, as many users' schedules would be.
 * Round 1 is each flow's first run (the initial full load: an incremental run with nothing synced yet), later rounds
 * are incremental after 1% of the employees changed (touched at each period boundary).
 *
 * <p>One simulator for the whole fleet, in a JVM of its own so that its CPU and heap are not counted as Passerelle's:
 * 1,000 employees (plus the projects, activities and catalogues of {@link BenchSimulator#dataset}). Each connection has
 * its own company, so every connection stores its own copy of the records, as N customers would.
 *
 * <p>Prints, per round, runs per minute, runs done and whether each was done within its period, p50/p99 lag from the
 * fire time its cron meant to the run's recorded start, process CPU seconds per run, peak heap and the Hikari pool's
 * peak active connections; writes {@code results-fleet.json}. Figures are printed, never asserted.
 */
final class FleetBenchmark {

    /** The flows each connection schedules: Avantage's first six, projects before activities. */
    static final List<String> FLOWS = List.of("projects", "employees", "trades", "activities", "earnings", "hourTypes");
    static final int RECORDS = 1000;
    /** The first fire comes this long after the connections start being made ({@code -Dbench.fleet.lead}). */
    private static final Duration LEAD = Duration.parse(System.getProperty("bench.fleet.lead", "PT5S"));

    record Options(int connections, Duration period, int rounds) {

        static Options fromSystemProperties() {
            return new Options(Integer.parseInt(System.getProperty("bench.fleet.connections", "500")),
                    Duration.parse(System.getProperty("bench.fleet.period", "PT10M")),
                    Integer.parseInt(System.getProperty("bench.fleet.rounds", "3")));
        }
    }

    /** One round's figures. */
    record Round(int round, int expected, int done, int succeeded, int withinPeriod, double runsPerMinute,
            double lagP50Seconds, double lagP99Seconds, double lagMaxSeconds, double cpuSecondsPerRun,
            double peakHeapMb, int peakActiveConnections) {
    }

    record Report(String db, int connections, int flows, Duration period, int rounds, List<Round> results,
            int maxPoolSize, double setupSeconds) {

        int runsDone() {
            return results.stream().mapToInt(Round::done).sum();
        }

        int runsSucceeded() {
            return results.stream().mapToInt(Round::succeeded).sum();
        }

        boolean everyRunWithinItsPeriod() {
            return results.stream().allMatch(r -> r.withinPeriod() == r.expected());
        }
    }

    /** A run of one scheduled flow, as the run history recorded it. */
    private record Run(String connection, String flow, Instant started, Instant finished, String status) {
    }

    private FleetBenchmark() {
    }

    static void run(Path dir, BenchDatabase database) {
        run(dir, database, Options.fromSystemProperties());
    }

    static Report run(Path dir, BenchDatabase database, Options options) {
        long periodSeconds = periodSeconds(options.period());
        Path abs = dir.toAbsolutePath();
        BenchFiles.createDirectories(abs);
        System.out.printf(Locale.ROOT, "bench fleet: %,d connections x %d flows every %s, %d rounds, %,d records each,"
                        + " on %s, heap max %d MiB, %d cores, Java %s%n", options.connections(), FLOWS.size(),
                options.period(), options.rounds(), RECORDS, database.name(), Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        BenchSql.use(database);
        try (BenchSimulator simulator = BenchSimulator.forked(RECORDS, abs);
             ConfigurableApplicationContext context = SyncBenchmark.start(abs, database)) {
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            PoolSampler pool = new PoolSampler(dataSource);
            HeapPeak.reset();
            long cpuAtStart = processCpuNanos();
            // the first fire times follow each other from LEAD on, so that making the connections (in fire order)
            // stays ahead of them; a flow whose first fire was missed starts a period later, and shows late
            Instant first = Instant.now().plus(LEAD);
            int slots = options.connections() * FLOWS.size();
            ConnectionService connections = context.getBean(ConnectionService.class);
            Map<String, Instant> firstFire = new HashMap<>();
            for (int c = 0; c < options.connections(); c++) {
                Map<String, String> schedules = new LinkedHashMap<>();
                for (int f = 0; f < FLOWS.size(); f++) {
                    // a connection's flows spread over the period, projects first and activities half a period later:
                    // a first (full) activities run before its projects are synced would reject activities of
                    // unknown projects (PARTIAL), which says nothing of the runtime
                    long slot = (long) f * options.connections() + c;
                    Instant fire = first.plusMillis(slot * periodSeconds * 1000 / slots)
                            .plusMillis(999).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                    schedules.put(FLOWS.get(f), cron(fire.getEpochSecond() % periodSeconds, periodSeconds));
                    firstFire.put(id(c) + "/" + FLOWS.get(f), fire);
                }
                connections.create(document(id(c), simulator.url(), schedules));
            }
            double setupSeconds = Duration.between(first.minus(LEAD), Instant.now()).toMillis() / 1000.0;
            System.out.printf(Locale.ROOT, "  %,d connections with %,d schedules made in %.1f s%n",
                    options.connections(), slots, setupSeconds);

            int expected = slots * options.rounds();
            List<Long> cpuAtBoundary = new ArrayList<>();
            List<Double> heapPeaks = new ArrayList<>();
            List<Integer> poolPeaks = new ArrayList<>();
            cpuAtBoundary.add(cpuAtStart);
            for (int round = 1; round <= options.rounds(); round++) {
                Instant boundary = first.plusSeconds(periodSeconds * round);
                waitUntil(boundary, () -> false);
                if (round == options.rounds()) {
                    // the last round ends when its runs have, or a period after its last fire time at the latest
                    waitUntil(boundary.plusSeconds(periodSeconds), () -> finished(jdbc, options.rounds()) >= expected);
                } else {
                    // the changes the next round's incremental runs read: 1% of the employees, once for every company
                    simulator.touchEmployees(RECORDS / 100);
                }
                cpuAtBoundary.add(processCpuNanos());
                heapPeaks.add(HeapPeak.peakMb());
                poolPeaks.add(pool.takePeak());
                HeapPeak.resetWithoutGc();
                System.out.printf(Locale.ROOT, "  round %d: %,d of %,d runs finished%n", round,
                        finished(jdbc, round), slots * round);
            }
            pool.stop();
            List<Run> runs = jdbc.query("select connection_id, flow, started_at, finished_at, status from sync_run"
                            + " where trigger_type = 'SCHEDULE' order by id",
                    (rs, i) -> new Run(rs.getString(1), rs.getString(2),
                            rs.getObject(3, OffsetDateTime.class).toInstant(),
                            rs.getObject(4, OffsetDateTime.class) == null ? null
                                    : rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)));
            Report report = report(database.name(), options, runs, firstFire, cpuAtBoundary, heapPeaks, poolPeaks,
                    pool.maxPoolSize(), setupSeconds);
            String table = table(report);
            System.out.println(table);
            write(abs.resolve("results-fleet.json"), report);
            BenchFiles.writeText(abs.resolve("results-fleet.txt"), table);
            return report;
        }
    }

    private static Report report(String db, Options options, List<Run> runs, Map<String, Instant> firstFire,
            List<Long> cpu, List<Double> heap, List<Integer> pool, int maxPoolSize, double setupSeconds) {
        long periodMillis = options.period().toMillis();
        // the k-th run of a flow is its k-th round; the fire time it meant is the latest of its cron's at or before
        // its start (the lag is far below a period, or the run is late anyway)
        Map<String, Integer> seen = new HashMap<>();
        List<List<Run>> byRound = new ArrayList<>();
        List<List<Double>> lags = new ArrayList<>();
        List<AtomicInteger> within = new ArrayList<>();
        for (int r = 0; r < options.rounds(); r++) {
            byRound.add(new ArrayList<>());
            lags.add(new ArrayList<>());
            within.add(new AtomicInteger());
        }
        for (Run run : runs) {
            String key = run.connection() + "/" + run.flow();
            Instant firstFireTime = firstFire.get(key);
            if (firstFireTime == null) {
                continue;
            }
            int round = seen.merge(key, 1, Integer::sum);
            if (round > options.rounds()) {
                continue;
            }
            long sinceFirst = run.started().toEpochMilli() - firstFireTime.toEpochMilli();
            long fire = firstFireTime.toEpochMilli() + Math.floorDiv(sinceFirst, periodMillis) * periodMillis;
            byRound.get(round - 1).add(run);
            lags.get(round - 1).add((run.started().toEpochMilli() - fire) / 1000.0);
            if (run.finished() != null && run.finished().toEpochMilli() < fire + periodMillis) {
                within.get(round - 1).incrementAndGet();
            }
        }
        int slots = options.connections() * FLOWS.size();
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < options.rounds(); r++) {
            List<Run> done = byRound.get(r).stream().filter(run -> run.finished() != null).toList();
            int succeeded = (int) done.stream().filter(run -> "SUCCEEDED".equals(run.status())).count();
            List<Double> sorted = lags.get(r).stream().sorted().toList();
            double cpuSeconds = (cpu.get(r + 1) - cpu.get(r)) / 1e9;
            rounds.add(new Round(r + 1, slots, done.size(), succeeded, within.get(r).get(),
                    done.size() / (options.period().toMillis() / 60_000.0), percentile(sorted, 50),
                    percentile(sorted, 99), sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1),
                    done.isEmpty() ? 0 : cpuSeconds / done.size(), heap.get(r), pool.get(r)));
        }
        return new Report(db, options.connections(), FLOWS.size(), options.period(), options.rounds(), rounds,
                maxPoolSize, setupSeconds);
    }

    static String table(Report report) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%nfleet: %,d connections x %d flows every %s (an hour compressed), %d rounds"
                        + " on %s; %,d runs done, %,d SUCCEEDED; every run within its period: %s%n",
                report.connections(), report.flows(), report.period(), report.rounds(), report.db(), report.runsDone(),
                report.runsSucceeded(), report.everyRunWithinItsPeriod() ? "yes" : "NO"));
        out.append(String.format(Locale.ROOT, "| %-5s | %-11s | %9s | %7s | %8s | %9s | %9s | %9s | %9s | %9s | %9s |%n",
                "round", "kind", "runs/min", "done", "in time", "lag p50 s", "lag p99 s", "lag max s", "CPU s/run",
                "heap MiB", "db conns"));
        out.append("|-------|-------------|-----------|---------|----------|-----------|-----------|-----------|"
                + "-----------|-----------|-----------|\n");
        for (Round r : report.results()) {
            out.append(String.format(Locale.ROOT,
                    "| %5d | %-11s | %9.1f | %7s | %8s | %9.3f | %9.3f | %9.3f | %9.4f | %9.1f | %9s |%n",
                    r.round(), r.round() == 1 ? "full" : "incremental", r.runsPerMinute(),
                    r.done() + "/" + r.expected(), r.withinPeriod() + "", r.lagP50Seconds(), r.lagP99Seconds(),
                    r.lagMaxSeconds(), r.cpuSecondsPerRun(), r.peakHeapMb(),
                    r.peakActiveConnections() + "/" + report.maxPoolSize()));
        }
        return out.toString();
    }

    /**
     * The cron firing every {@code period} seconds at {@code offset} seconds into it: a period dividing a minute
     * fires on seconds ({@code "7/20 * * * * ?"}), one dividing an hour in whole minutes on minutes
     * ({@code "7 3/10 * * * ?"}).
     */
    static String cron(long offset, long period) {
        if (period < 60) {
            return offset + "/" + period + " * * * * ?";
        }
        long minutes = period / 60;
        return (offset % 60) + " " + (offset / 60) + (minutes == 60 ? "" : "/" + minutes) + " * * * ?";
    }

    static long periodSeconds(Duration period) {
        long seconds = period.getSeconds();
        boolean ofMinute = seconds > 0 && seconds <= 60 && 60 % seconds == 0;
        boolean ofHour = seconds % 60 == 0 && seconds > 0 && seconds <= 3600 && 3600 % seconds == 0;
        if (period.getNano() != 0 || !(ofMinute || ofHour)) {
            throw new IllegalArgumentException("bench.fleet.period divides a minute (PT20S, PT30S) or an hour in whole"
                    + " minutes (PT1M, PT5M, PT10M), not " + period);
        }
        return seconds;
    }

    static String id(int connection) {
        return String.format(Locale.ROOT, "fleet-%04d", connection);
    }

    private static ConnectionDocument document(String id, String url, Map<String, String> schedules) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("user", "integration");
        credentials.put("password", "sandbox");
        credentials.put("encryptionKey", AvantageSimulatorProperties.DEMO_ENCRYPTION_KEY);
        String company = id.toUpperCase(Locale.ROOT);
        return new ConnectionDocument(id, new ConnectionDocument.CompanyDocument(company, "Flotte " + company),
                "avantage", List.of(new ConnectionDocument.EndpointDocument("main", url, true)), credentials,
                schedules, new LinkedHashMap<>(), "bench", false);
    }

    private static int finished(JdbcTemplate jdbc, int rounds) {
        // runs of the first `rounds` rounds are the flows' first runs: count each flow's finished runs up to rounds
        Integer count = jdbc.queryForObject("select coalesce(sum(case when n > ? then ? else n end), 0) from"
                + " (select count(*) n from sync_run where trigger_type = 'SCHEDULE' and finished_at is not null"
                + " group by connection_id, flow) t", Integer.class, rounds, rounds);
        return count == null ? 0 : count;
    }

    private static double percentile(List<Double> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void waitUntil(Instant until, java.util.function.BooleanSupplier done) {
        while (Instant.now().isBefore(until) && !done.getAsBoolean()) {
            try {
                Thread.sleep(Math.max(1, Math.min(500, Duration.between(Instant.now(), until).toMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
    }

    /** Peak active connections of the application's Hikari pool, sampled every 50 ms on a daemon thread. */
    private static final class PoolSampler {

        private final HikariDataSource hikari;
        private final AtomicInteger peak = new AtomicInteger();
        private final Thread thread;
        private volatile boolean running = true;

        PoolSampler(DataSource dataSource) {
            try {
                this.hikari = dataSource.unwrap(HikariDataSource.class);
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("the application's pool is not Hikari's", e);
            }
            this.thread = new Thread(this::sample, "fleet-pool-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (running) {
                if (hikari.getHikariPoolMXBean() != null) {
                    peak.accumulateAndGet(hikari.getHikariPoolMXBean().getActiveConnections(), Math::max);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        int takePeak() {
            return peak.getAndSet(0);
        }

        int maxPoolSize() {
            return hikari.getMaximumPoolSize();
        }

        void stop() {
            running = false;
            thread.interrupt();
        }
    }

    private static void write(Path file, Report report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Round r : report.results()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", r.round());
            row.put("kind", r.round() == 1 ? "full" : "incremental");
            row.put("db", report.db());
            row.put("runsExpected", r.expected());
            row.put("runsDone", r.done());
            row.put("runsSucceeded", r.succeeded());
            row.put("runsWithinPeriod", r.withinPeriod());
            row.put("runsPerMinute", BenchFiles.round(r.runsPerMinute(), 1));
            row.put("lagP50Seconds", BenchFiles.round(r.lagP50Seconds(), 3));
            row.put("lagP99Seconds", BenchFiles.round(r.lagP99Seconds(), 3));
            row.put("lagMaxSeconds", BenchFiles.round(r.lagMaxSeconds(), 3));
            row.put("cpuSecondsPerRun", BenchFiles.round(r.cpuSecondsPerRun(), 4));
            row.put("peakHeapMb", BenchFiles.round(r.peakHeapMb(), 1));
            row.put("peakActiveDbConnections", r.peakActiveConnections());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("scenario", "fleet");
        json.put("db", report.db());
        json.put("connections", report.connections());
        json.put("flowsPerConnection", report.flows());
        json.put("recordsPerErp", RECORDS);
        json.put("period", report.period().toString());
        json.put("rounds", report.rounds());
        json.put("heapMaxMb", Runtime.getRuntime().maxMemory() >> 20);
        json.put("dbPoolMaxSize", report.maxPoolSize());
        json.put("setupSeconds", BenchFiles.round(report.setupSeconds(), 1));
        json.put("runsDone", report.runsDone());
        json.put("runsSucceeded", report.runsSucceeded());
        json.put("everyRunWithinItsPeriod", report.everyRunWithinItsPeriod());
        json.put("results", rows);
        BenchFiles.writeJson(file, json);
    }
}
