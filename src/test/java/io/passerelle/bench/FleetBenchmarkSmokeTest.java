package io.passerelle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The fleet scenario at a small N: 5 connections x 6 flows on their schedules every 20 s, 2 rounds. Every run is
 * done and SUCCEEDED, and results-fleet.json says so. Nothing about speed is asserted (see README, "Performance").
 */
class FleetBenchmarkSmokeTest {

    /** As {@link SyncBenchmarkSmokeTest}: the benchmark's application quiets logging, which is one per JVM. */
    @AfterAll
    static void loggingAsBefore() {
        LoggingSystem logging = LoggingSystem.get(FleetBenchmarkSmokeTest.class.getClassLoader());
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        logging.setLogLevel("io.passerelle.bench", null);
    }

    @Test
    void everyScheduledRunOfEveryRoundIsDoneAndSucceeded() throws Exception {
        Path dir = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI()).getParent()
                .resolve("bench-fleet-smoke");

        FleetBenchmark.Report report = FleetBenchmark.run(dir, BenchDatabase.h2(dir),
                new FleetBenchmark.Options(5, Duration.ofSeconds(20), 2));

        int runs = 5 * FleetBenchmark.FLOWS.size() * 2;
        assertThat(report.runsDone()).isEqualTo(runs);
        assertThat(report.runsSucceeded()).isEqualTo(runs);
        assertThat(report.results()).hasSize(2).allSatisfy(round -> {
            assertThat(round.done()).isEqualTo(30);
            assertThat(round.succeeded()).isEqualTo(30);
            assertThat(round.cpuSecondsPerRun()).isPositive();
            assertThat(round.peakHeapMb()).isPositive();
            assertThat(round.peakActiveConnections()).isPositive();
        });
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results-fleet.json").toFile());
        assertThat(json.get("db").asText()).isEqualTo("h2");
        assertThat(json.get("runsDone").asInt()).isEqualTo(runs);
        assertThat(json.get("runsSucceeded").asInt()).isEqualTo(runs);
        assertThat(json.get("results")).hasSize(2);
        assertThat(json.get("results").get(1).get("kind").asText()).isEqualTo("incremental");
    }

    @Test
    void aPeriodIsACronOfSecondsOrOfMinutes() {
        assertThat(FleetBenchmark.cron(7, 20)).isEqualTo("7/20 * * * * ?");
        assertThat(FleetBenchmark.cron(187, 600)).isEqualTo("7 3/10 * * * ?");
        assertThat(FleetBenchmark.cron(65, 3600)).isEqualTo("5 1 * * * ?");
    }
}
