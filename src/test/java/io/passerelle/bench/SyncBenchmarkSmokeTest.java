package io.passerelle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.passerelle.timesheet.PostgresSchema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The benchmark itself at a small N: every contender runs every scenario and results.json says so with
 * positive figures, the export scenario included, on H2 and (when there is one) on PostgreSQL. Nothing about speed is asserted (see README, "Performance").
 */
class SyncBenchmarkSmokeTest {

    /**
     * The benchmark's application quiets logging to WARN, and logging is one per JVM: later tests that share an
     * already started context (and read their log lines) must find it as the test profile left it.
     */
    @AfterAll
    static void loggingAsBefore() {
        LoggingSystem logging = LoggingSystem.get(SyncBenchmarkSmokeTest.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        logging.setLogLevel("io.passerelle.bench", null);
    }

    @Test
    void everyContenderRunsTwiceOnH2AndResultsJsonHasTheMedians() throws Exception {
        Path dir = buildFolder().resolve("bench-smoke");
        runAndCheck(dir, BenchDatabase.h2(dir), 2);
    }

    @Test
    void everyContenderRunsOnPostgres() throws Exception {
        assumeTrue(System.getenv(PostgresSchema.ENV) != null,
                "skipped: PASSERELLE_TEST_DB_URL names no PostgreSQL for the benchmark on PostgreSQL");
        Path dir = buildFolder().resolve("bench-smoke-postgres");
        runAndCheck(dir, BenchDatabase.postgres("bench_smoke"), 1);
    }

    /** Beside test-classes, in whichever build folder this build uses. */
    private Path buildFolder() throws Exception {
        return Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    }

    private static void runAndCheck(Path dir, BenchDatabase database, int repeat) throws Exception {
        List<BenchResult> results = SyncBenchmark.run(
                new SyncBenchmark.Options(2000, dir, "inline", SyncBenchmark.ALL_CONTENDERS, repeat), database);

        assertThat(results).filteredOn(r -> r.scenario().equals("full"))
                .allSatisfy(r -> assertThat(r.read()).isEqualTo(2000));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("records").asInt()).isEqualTo(2000);
        assertThat(json.get("repeat").asInt()).isEqualTo(repeat);
        List<String> seen = new ArrayList<>();
        for (JsonNode result : json.get("results")) {
            assertThat(result.get("scenario").asText()).isIn("full", "incremental", "export");
            assertThat(result.get("db").asText()).isEqualTo(database.name());
            // the median is one of the runs it was taken from
            assertThat(result.get("runs")).hasSize(repeat);
            List<Double> runs = new ArrayList<>();
            result.get("runs").forEach(run -> runs.add(run.asDouble()));
            assertThat(runs).contains(result.get("seconds").asDouble());
            assertThat(result.get("seconds").asDouble()).isPositive();
            assertThat(result.get("recordsPerSecond").asDouble()).isPositive();
            assertThat(result.get("peakHeapMb").asDouble()).isPositive();
            seen.add(result.get("scenario").asText() + "/" + result.get("contender").asText());
        }
        for (String contender : SyncBenchmark.ALL_CONTENDERS) {
            assertThat(seen).contains("full/" + contender, "incremental/" + contender);
        }
        // the export run checks itself (every line accepted, the simulator holds each once) or throws
        assertThat(seen).contains("export/passerelle");
        assertThat(results).filteredOn(r -> r.scenario().equals("export"))
                .singleElement().satisfies(r -> assertThat(r.read()).isEqualTo(2000));
    }
}
