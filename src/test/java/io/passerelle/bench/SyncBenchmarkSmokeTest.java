package io.passerelle.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;

/**
 * The benchmark itself at a small N: every contender runs every scenario and results.json says so with
 * positive figures, the export scenario included. Nothing about speed is asserted (see README, "Performance").
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
    void everyContenderRunsAndResultsJsonHasPositiveFigures() throws Exception {
        // beside test-classes, in whichever build folder this build uses
        Path dir = Path.of(getClass().getProtectionDomain().getCodeSource().getLocation().toURI())
                .getParent().resolve("bench-smoke");
        List<BenchResult> results = SyncBenchmark.run(
                new SyncBenchmark.Options(2000, dir, "inline", SyncBenchmark.ALL_CONTENDERS));

        assertThat(results).filteredOn(r -> r.scenario().equals("full"))
                .allSatisfy(r -> assertThat(r.read()).isEqualTo(2000));
        JsonNode json = new ObjectMapper().readTree(dir.resolve("results.json").toFile());
        assertThat(json.get("records").asInt()).isEqualTo(2000);
        List<String> seen = new ArrayList<>();
        for (JsonNode result : json.get("results")) {
            assertThat(result.get("scenario").asText()).isIn("full", "incremental", "export");
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
