package io.passerelle.bench;

import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.erp.abacus.AbacusModule;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.abacus.AbacusSimulator;
import io.passerelle.sandbox.abacus.AbacusSimulatorProperties;
import io.passerelle.sync.SyncLauncher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code -Dbench.scenario=budget}: a full Abacus employee sync of {@code -Dbench.budget.records} (100,000) against
 * the Abacus simulator holding its service user to {@code -Dbench.budget.limit} calls in any sliding minute (400),
 * over a connection whose request budget is that limit. At most 100 records a page, so the ceiling is
 * limit × 100 / 60 records a second; the run should reach 90% of it and earn (almost) no 429 after its first minute.
 * Figures are printed and written to {@code results-budget.json}, never asserted.
 */
final class BudgetBenchmark {

    private static final String CONNECTION = "bench-abacus";
    private static final int PAGE = 100;

    private BudgetBenchmark() {
    }

    static void run(Path dir, BenchDatabase database) {
        int records = Integer.parseInt(System.getProperty("bench.budget.records", "100000"));
        int limit = Integer.parseInt(System.getProperty("bench.budget.limit", "400"));
        Path bench = dir.toAbsolutePath();
        BenchFiles.createDirectories(bench);
        BenchSql.use(database);
        System.out.printf(Locale.ROOT, "bench budget: %,d Abacus employees, %d calls a minute, %s%n", records, limit,
                database.name());
        AbacusSimulatorProperties settings = AbacusSimulatorProperties.defaults();
        try (AbacusSimulator simulator = new AbacusSimulator(settings).start();
             ConfigurableApplicationContext context = SyncBenchmark.start(bench, database)) {
            simulator.dataset().addEmployees(records - simulator.dataset().list(
                    io.passerelle.sandbox.abacus.AbacusSet.Employees, any -> true).size());
            simulator.rateLimit().set(limit);
            Map<String, String> credentials = new LinkedHashMap<>();
            credentials.put("clientId", settings.clientId());
            credentials.put("clientSecret", settings.clientSecret());
            Map<String, Object> options = new LinkedHashMap<>();
            options.put("mandant", settings.mandant());
            options.put(RequestBudgets.OPTION, limit);
            context.getBean(ConnectionService.class).create(new ConnectionDocument(CONNECTION,
                    new ConnectionDocument.CompanyDocument("BENCH-ABACUS", "Banc d'essai AG"), AbacusModule.ERP,
                    List.of(new ConnectionDocument.EndpointDocument("main", simulator.url(), true)), credentials,
                    new LinkedHashMap<>(), options, "bench", false));

            Instant start = Instant.now();
            RunView run = context.getBean(SyncLauncher.class).runAndWait(CONNECTION, "employees", Trigger.API,
                    SyncMode.FULL).get(0);
            double seconds = Duration.between(start, Instant.now()).toMillis() / 1000.0;

            int read = run.counts().getOrDefault("read", 0);
            double rowsPerSecond = read / seconds;
            double ceiling = limit * (double) PAGE / 60;
            List<Instant> refusals = simulator.rateLimit().refusals();
            Instant firstMinute = start.plusSeconds(60);
            long late = refusals.stream().filter(at -> at.isAfter(firstMinute)).count();
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("scenario", "budget");
            json.put("db", database.name());
            json.put("status", run.status());
            json.put("records", read);
            json.put("limitPerMinute", limit);
            json.put("requests", simulator.counters().totalRequests());
            json.put("seconds", round(seconds));
            json.put("rowsPerSecond", round(rowsPerSecond));
            json.put("ceilingRowsPerSecond", round(ceiling));
            json.put("shareOfCeiling", round(rowsPerSecond / ceiling));
            json.put("tooManyRequests", refusals.size());
            json.put("tooManyRequestsAfterFirstMinute", late);
            System.out.printf(Locale.ROOT, "bench budget (%s): %s, %,d records in %.1f s = %.0f rows/s, %.1f%% of the "
                            + "ceiling %.0f rows/s (%d calls/min x %d / 60); %d calls; 429s: %d, after the first minute: %d%n",
                    database.name(), run.status(), read, seconds, rowsPerSecond, 100 * rowsPerSecond / ceiling, ceiling,
                    limit, PAGE, simulator.counters().totalRequests(), refusals.size(), late);
            BenchFiles.writeJson(bench.resolve("results-budget.json"), json);
        }
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
