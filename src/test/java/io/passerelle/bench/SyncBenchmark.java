package io.passerelle.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.Passerelle;
import io.passerelle.codemap.CodeMapService;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.erp.avantage.AvantageSession;
import io.passerelle.erp.avantage.AvantageTransports;
import io.passerelle.export.ExportLauncher;
import io.passerelle.sandbox.avantage.AvantageSimulatorProperties;
import io.passerelle.sync.SyncLauncher;
import io.passerelle.sync.SyncProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.batch.core.launch.JobLauncher;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The inbound benchmark (issue 4): N synthetic employees in the Avantage simulator, brought into one
 * embedded H2 database by each contender in turn, in one process: Passerelle's engine, a plain Camel
 * route, a Spring Batch job and the raw-JDBC floor; then again after 1% of them changed; then N timesheet
 * lines exported to the simulator through the export engine ({@link ExportScenario}, passerelle only; its
 * records/s are lines accepted per second). Prints one table and writes {@code results.json}. Run with {@code ./mvnw -Pbench verify -Dbench.records=N}.
 * Figures are printed, never asserted.
 */
public final class SyncBenchmark {

    static final String CONNECTION = "bench-avantage";
    static final List<String> ALL_CONTENDERS = List.of("limit", "passerelle", "naive-camel", "spring-batch");

    /**
     * @param simulator inline, fork or auto (fork above 200,000 records)
     * @param repeat    how many times each timed run is made; the table shows the median
     */
    record Options(int records, Path dir, String simulator, List<String> contenders, int repeat) {
    }

    private SyncBenchmark() {
    }

    public static void main(String[] args) {
        String scenario = System.getProperty("bench.scenario", "sync").trim();
        Path dir = Path.of(System.getProperty("bench.dir", "target/bench"));
        switch (scenario) {
            case "sync" -> run(new Options(
                    Integer.parseInt(System.getProperty("bench.records", "100000")),
                    dir,
                    System.getProperty("bench.simulator", "auto"),
                    Arrays.stream(System.getProperty("bench.contenders", String.join(",", ALL_CONTENDERS)).split(","))
                            .map(String::trim).filter(s -> !s.isEmpty()).toList(),
                    Math.max(1, Integer.parseInt(System.getProperty("bench.repeat", "1")))),
                    BenchDatabase.fromSystemProperties(dir));
            case "budget" -> BudgetBenchmark.run(dir, BenchDatabase.fromSystemProperties(dir));
            case "fleet" -> FleetBenchmark.run(dir, BenchDatabase.fromSystemProperties(dir));
            default -> throw new IllegalArgumentException("bench.scenario is sync, fleet or budget, not '" + scenario + "'");
        }
        System.exit(0);
    }

    static List<BenchResult> run(Options options, BenchDatabase database) {
        Path dir = options.dir().toAbsolutePath();
        BenchFiles.createDirectories(dir);
        boolean fork = options.simulator().equals("fork")
                || (options.simulator().equals("auto") && options.records() > 200_000);
        System.out.printf(Locale.ROOT, "bench: %,d employees on %s, simulator %s, heap max %d MiB, %d cores, Java %s,"
                        + " median of %d%n", options.records(), database.name(), fork ? "in its own JVM" : "in this JVM",
                Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), options.repeat());
        BenchSql.use(database);
        Timings timings = new Timings(database.name());
        try (BenchSimulator simulator = fork ? BenchSimulator.forked(options.records(), dir)
                : BenchSimulator.inline(options.records());
             ConfigurableApplicationContext context = start(dir, database)) {
            Connection connection = createConnection(context, simulator.url());
            int pageSize = context.getBean(SyncProperties.class).pageSize();
            List<Contender> contenders = contenders(context, connection, pageSize, options.contenders());
            warmUp(newPages(context, connection, pageSize));
            // the first timed run would otherwise pay for the JIT of the database's insert path alone: the floor runs
            // once untimed
            for (Contender contender : contenders) {
                if (contender.name().equals("limit")) {
                    contender.prepare();
                    contender.full();
                }
            }
            // timesheet export: N lines (the same -Dbench.records) of VALIDATED sheets, out to the simulator
            ExportScenario export = new ExportScenario(context.getBean(SyncLauncher.class),
                    context.getBean(ExportLauncher.class), context.getBean(CodeMapService.class),
                    new JdbcTemplate(context.getBean(DataSource.class)), simulator, CONNECTION);
            for (int round = 1; round <= options.repeat(); round++) {
                // every contender starts from an empty table, then reads the same 1% after its full run
                for (Contender contender : contenders) {
                    contender.prepare();
                    timings.time("full", contender.name(), contender::full);
                }
                simulator.touchEmployees(Math.max(1, options.records() / 100));
                for (Contender contender : contenders) {
                    timings.time("incremental", contender.name(), contender::incremental);
                }
                if (options.contenders().contains("passerelle")) {
                    export.seed(options.records());
                    timings.time("export", "passerelle", export::run);
                }
            }
        }
        List<BenchResult> results = timings.medians();
        String table = table(options.records(), database.name(), options.repeat(), results);
        System.out.println(table);
        write(dir.resolve("results.json"), options.records(), options.repeat(), results);
        BenchFiles.writeText(dir.resolve("results.txt"), table);
        return results;
    }

    /** The application on the benchmark's database, with no sandbox and no start-up sync. */
    static ConfigurableApplicationContext start(Path dir, BenchDatabase database) {
        Map<String, Object> properties = new LinkedHashMap<>(database.springProperties());
        properties.put("passerelle.data-dir", dir.resolve("data").toString());
        properties.put("passerelle.secret-key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        properties.put("passerelle.security.tokens[0].name", "bench");
        properties.put("passerelle.security.tokens[0].role", "ADMIN");
        properties.put("passerelle.security.tokens[0].sha256",
                "17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5");
        properties.put("passerelle.bootstrap.sync-on-start", "false");
        properties.put("server.port", "0");
        // records per LIST page, for every contender alike (Passerelle's setting; 1..5000)
        properties.put("passerelle.sync.page-size", System.getProperty("bench.pageSize", "1000"));
        properties.put("spring.batch.job.enabled", "false");
        properties.put("spring.batch.jdbc.initialize-schema", "always");
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.io.passerelle.bench", "INFO");
        // as command-line arguments: they win over application.yaml, as a deployment's settings would
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(Passerelle.class)
                .profiles("bench")
                .logStartupInfo(false)
                .run(args);
    }

    private static Connection createConnection(ConfigurableApplicationContext context, String url) {
        ConnectionService connections = context.getBean(ConnectionService.class);
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("user", "integration");
        credentials.put("password", "sandbox");
        credentials.put("encryptionKey", AvantageSimulatorProperties.DEMO_ENCRYPTION_KEY);
        return connections.create(new ConnectionDocument(CONNECTION,
                new ConnectionDocument.CompanyDocument("BENCH", "Banc d'essai inc."), "avantage",
                List.of(new ConnectionDocument.EndpointDocument("main", url, true)), credentials,
                new LinkedHashMap<>(), new LinkedHashMap<>(), "bench", false));
    }

    private static BenchPages newPages(ConfigurableApplicationContext context, Connection connection, int pageSize) {
        AvantageTransports transports = context.getBean(AvantageTransports.class);
        AvantageSession session = transports.session(connection, transports.forConnection(connection));
        session.login();
        return new BenchPages(session, context.getBean(ObjectMapper.class), pageSize);
    }

    private static List<Contender> contenders(ConfigurableApplicationContext context, Connection connection,
            int pageSize, List<String> names) {
        DataSource dataSource = context.getBean(DataSource.class);
        List<Contender> contenders = new ArrayList<>();
        for (String name : names) {
            contenders.add(switch (name) {
                case "passerelle" -> new PasserelleContender(context.getBean(SyncLauncher.class),
                        new JdbcTemplate(dataSource), CONNECTION);
                case "limit" -> new LimitContender(newPages(context, connection, pageSize), dataSource);
                case "naive-camel" -> naiveCamel(context, newPages(context, connection, pageSize), dataSource);
                case "spring-batch" -> new SpringBatchContender(context.getBean(JobRepository.class),
                        context.getBean(JobLauncher.class), context.getBean(PlatformTransactionManager.class),
                        dataSource, newPages(context, connection, pageSize), pageSize);
                default -> throw new IllegalArgumentException("unknown contender " + name + "; known: " + ALL_CONTENDERS);
            });
        }
        return contenders;
    }

    private static Contender naiveCamel(ConfigurableApplicationContext context, BenchPages pages, DataSource dataSource) {
        try {
            return new NaiveCamelContender(context.getBean(CamelContext.class), context.getBean(ProducerTemplate.class),
                    dataSource, pages);
        } catch (Exception e) {
            throw new IllegalStateException("could not add the naive-camel routes", e);
        }
    }

    /** Untimed: every page once over the client, so that no contender pays for the JIT of the codec alone. */
    private static void warmUp(BenchPages pages) {
        String after = null;
        do {
            after = pages.fetchNow(after, null).next();
        } while (after != null);
    }

    static String table(int records, String db, int repeat, List<BenchResult> results) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%n%,d employees (export: %,d timesheet lines) on %s%s%n", records, records,
                db, repeat > 1 ? ", median of " + repeat : ""));
        out.append(String.format(Locale.ROOT, "| %-11s | %-12s | %9s | %9s | %10s | %14s | %8s |%n",
                "scenario", "contender", "records", "seconds", "records/s", "peak heap MiB", "x limit"));
        out.append("|-------------|--------------|-----------|-----------|------------|----------------|----------|\n");
        for (BenchResult r : results) {
            Optional<BenchResult> limit = results.stream()
                    .filter(l -> l.scenario().equals(r.scenario()) && l.contender().equals("limit")).findFirst();
            String ratio = limit.map(l -> String.format(Locale.ROOT, "%.2f", r.seconds() / l.seconds())).orElse("-");
            out.append(String.format(Locale.ROOT, "| %-11s | %-12s | %,9d | %9.3f | %,10.0f | %14.1f | %8s |%n",
                    r.scenario(), r.contender(), r.read(), r.seconds(), r.recordsPerSecond(), r.peakHeapMb(), ratio));
        }
        return out.toString();
    }

    private static void write(Path file, int records, int repeat, List<BenchResult> results) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (BenchResult r : results) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", r.scenario());
            row.put("contender", r.contender());
            row.put("db", r.db());
            row.put("seconds", BenchFiles.round(r.seconds(), 3));
            row.put("recordsPerSecond", BenchFiles.round(r.recordsPerSecond(), 0));
            row.put("peakHeapMb", BenchFiles.round(r.peakHeapMb(), 1));
            row.put("runs", r.runs().stream().map(seconds -> BenchFiles.round(seconds, 3)).toList());
            rows.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("records", records);
        json.put("repeat", repeat);
        json.put("results", rows);
        BenchFiles.writeJson(file, json);
    }
}
