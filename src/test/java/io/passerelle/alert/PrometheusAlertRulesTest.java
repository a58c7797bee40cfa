package io.passerelle.alert;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.passerelle.ops.RunMetrics;
import io.passerelle.run.RunFinished;
import io.passerelle.run.RunView;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * config/prometheus/passerelle-alerts.yml has the shape Prometheus loads (promtool is not at hand), covers the four
 * conditions, and names only metrics Passerelle exports, as they are scraped.
 */
class PrometheusAlertRulesTest {

    private static final Path RULES = Path.of("config/prometheus/passerelle-alerts.yml");
    private static final Pattern METRIC = Pattern.compile("\\bpasserelle_[a-z_]+\\b");
    private static final Set<String> RULE_KEYS = Set.of("alert", "expr", "for", "labels", "annotations",
            "keep_firing_for");

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        Map<String, Object> document;
        try (Reader in = Files.newBufferedReader(RULES)) {
            document = new Yaml().load(in);
        }
        assertThat(document).containsOnlyKeys("groups");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) document.get("groups")) {
            assertThat(group).containsKeys("name", "rules");
            assertThat(group.get("name")).isInstanceOf(String.class);
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyRuleHasTheShapePrometheusLoads() throws IOException {
        List<Map<String, Object>> rules = rules();
        assertThat(rules).isNotEmpty();
        for (Map<String, Object> rule : rules) {
            assertThat(RULE_KEYS).as(rule.toString()).containsAll(rule.keySet());
            assertThat(rule.get("alert")).asString().matches("[A-Za-z_][A-Za-z0-9_]*");
            assertThat(rule.get("expr")).asString().isNotBlank();
            assertThat(((Map<String, Object>) rule.get("labels"))).containsKey("severity");
            assertThat(((Map<String, Object>) rule.get("annotations"))).containsKeys("summary", "description");
            String expr = (String) rule.get("expr");
            assertThat(expr.chars().filter(c -> c == '(').count()).as("balanced parentheses in " + expr)
                    .isEqualTo(expr.chars().filter(c -> c == ')').count());
            if (rule.containsKey("for")) {
                assertThat(rule.get("for")).asString().matches("\\d+[smhd]");
            }
        }
    }

    @Test
    void theFourConditionsAreCovered() throws IOException {
        assertThat(rules()).extracting(rule -> rule.get("alert")).contains("PasserelleFlowFailed",
                "PasserelleFlowPartial", "PasserelleFlowStale");
        assertThat(Files.readString(RULES)).as("RECOVERED is Alertmanager's resolved").contains("send_resolved");
    }

    @Test
    void theRulesNameOnlyMetricsPasserelleExports() throws IOException {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new RunMetrics(registry).onRunFinished(new RunFinished(new RunView(1, "c", "projects", "IN", "API", "FULL",
                Instant.now(), Instant.now(), "SUCCEEDED", Map.of("read", 1), null)));
        AlertMetrics alerts = new AlertMetrics(registry);
        alerts.succeeded("c", "projects", Instant.now());
        alerts.count(AlertEvent.FAILED, "gave_up");
        String scraped = registry.scrape();

        for (Map<String, Object> rule : rules()) {
            Matcher metrics = METRIC.matcher((String) rule.get("expr"));
            while (metrics.find()) {
                assertThat(scraped).as(rule.get("alert") + " names " + metrics.group())
                        .containsPattern("(?m)^" + metrics.group() + "\\{");
            }
        }
        assertThat(scraped).contains("passerelle_flow_last_success_seconds{connection=\"c\",flow=\"projects\"}")
                .contains("passerelle_alerts_total{event=\"FAILED\",outcome=\"gave_up\"}");
    }
}
