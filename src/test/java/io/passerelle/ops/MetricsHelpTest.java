package io.passerelle.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.api.ApiTestSupport;
import io.passerelle.run.RunFinished;
import io.passerelle.run.RunView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/** Every Passerelle metric in /actuator/prometheus comes with a HELP line that says what it counts. */
class MetricsHelpTest extends ApiTestSupport {

    static final Pattern HELP = Pattern.compile("^# HELP (passerelle_\\w+) (.*)$", Pattern.MULTILINE);
    static final Pattern SAMPLE = Pattern.compile("^(passerelle_\\w+?)(?:_count|_sum|_max)?\\{", Pattern.MULTILINE);

    @Autowired
    ApplicationEventPublisher events;
    @LocalServerPort
    int port;

    @Test
    void everyPasserelleMeterHasRealHelpText() throws Exception {
        Instant now = Instant.now();
        events.publishEvent(new RunFinished(new RunView(7001, "metrics-help", "employees", "IN", "API", "INCREMENTAL",
                now.minusSeconds(3), now, "PARTIAL", Map.of("read", 3, "created", 2, "rejected", 1), "1 rejected")));

        HttpResponse<String> prometheus = scrape(VIEWER);

        assertThat(prometheus.statusCode()).isEqualTo(200);
        String text = prometheus.body();
        assertThat(text).contains("passerelle_runs_total{connection=\"metrics-help\",direction=\"IN\",flow=\"employees\","
                + "status=\"PARTIAL\"} 1.0");
        Map<String, String> help = new java.util.HashMap<>();
        Matcher helpLine = HELP.matcher(text);
        while (helpLine.find()) {
            help.put(helpLine.group(1), helpLine.group(2));
        }
        assertThat(help).containsKeys("passerelle_runs_total", "passerelle_run_duration_seconds", "passerelle_records_total");
        assertThat(help.get("passerelle_runs_total")).startsWith("Finished runs, by connection");
        Matcher sample = SAMPLE.matcher(text);
        while (sample.find()) {
            String family = sample.group(1);
            assertThat(help).as("HELP of %s", family).hasEntrySatisfying(family,
                    words -> assertThat(words).hasSizeGreaterThan(20).doesNotContain(family));
        }
        assertThat(scrape(null).statusCode()).as("metrics need a token").isEqualTo(401);
    }

    /** What Prometheus does: GET with its text format accepted (the API helper asks for JSON). */
    private HttpResponse<String> scrape(String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/prometheus"))
                .header("Accept", "text/plain;version=0.0.4");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
