package io.passerelle.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.Passerelle;
import io.passerelle.connection.ScheduleRoutes;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.AvantageSimulatorProperties;
import io.passerelle.timesheet.PostgresSchema;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two instances on one PostgreSQL database (issue 16, "a schedule every N seconds makes one run per trigger, not
 * two; a schedule removed through one instance stops on both"): two application contexts in this JVM, each with its
 * own web server, pool and clustered Quartz scheduler, on one fresh schema, against one Avantage simulator. Skipped
 * unless {@code PASSERELLE_TEST_DB_URL} names a PostgreSQL database (see .ci/run).
 */
@EnabledIfEnvironmentVariable(named = PostgresSchema.ENV, matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db")
class ClusteredSchedulesPostgresTest {

    static final String CONNECTION = "cluster-avantage";
    static final String FLOW = "hourTypes";
    static final String ROUTE = "schedule-" + CONNECTION + "-" + FLOW;
    static final String TOKEN = "test-admin-token";
    static final String EVERY_2S = "0/2 * * * * ?";
    static final String EVERY_3S = "0/3 * * * * ?";

    static final String SCHEMA = "passerelle_cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static AvantageSimulator simulator;
    static ConfigurableApplicationContext a;
    static ConfigurableApplicationContext b;
    static JdbcTemplate jdbc;

    @BeforeAll
    static void start() {
        simulator = new AvantageSimulator(AvantageSimulatorProperties.defaults()).start();
        // one after the other: the first migrates the schema, the second finds it migrated
        a = instance("cluster-a");
        b = instance("cluster-b");
        jdbc = new JdbcTemplate(a.getBean(javax.sql.DataSource.class));
    }

    @AfterAll
    static void stop() throws SQLException {
        for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] {b, a}) {
            if (context != null) {
                context.close();
            }
        }
        if (simulator != null) {
            simulator.stop();
        }
        try (Connection connection = DriverManager.getConnection(System.getenv(PostgresSchema.ENV), user(), password());
             Statement statement = connection.createStatement()) {
            // the schema's name is this class's own, made of letters, digits and '_': no value of anyone else's
            statement.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void eachTriggerFiresOnceAcrossTwoInstancesAndAChangeThroughOneAppliesOnBoth() throws Exception {
        assertThat(status("POST", a, "/api/connections", document(Map.of(FLOW, EVERY_2S)))).isEqualTo(201);
        // B reads the new schedule from the database within its poll interval
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(routes(a).routeIds(CONNECTION)).containsExactly(ROUTE);
            assertThat(routes(b).routeIds(CONNECTION)).containsExactly(ROUTE);
        });
        assertThat(camel(a).getRoute(ROUTE)).isNotNull();
        assertThat(camel(b).getRoute(ROUTE)).as("both instances could fire it: RAM stores would run it twice").isNotNull();
        await().atMost(Duration.ofSeconds(20)).until(() -> scheduledRuns(Instant.EPOCH).size() >= 1);
        assertThat(jdbc.queryForObject("select count(*) from qrtz_scheduler_state where sched_name = 'passerelle'",
                Integer.class)).as("two instances checked in").isEqualTo(2);

        // ~12 s of fires every 2 s
        Instant from = Instant.now();
        int firedBefore = executed(a) + executed(b);
        await().pollDelay(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(13)).until(() -> true);
        Instant to = Instant.now();
        int fired = executed(a) + executed(b) - firedBefore;
        List<Instant> runs = scheduledRuns(from).stream().filter(start -> start.isBefore(to)).toList();
        long fires = Duration.between(from, to).toSeconds() / 2;
        assertThat(runs).as("one run per fire, not two").hasSizeBetween((int) fires - 1, (int) fires + 1);
        // which instance fired them is Quartz's choice (whichever acquires the trigger first): printed, not asserted
        System.out.printf("clustered schedules: %d scheduled runs and %d triggers fired in %s for %d fire times;"
                + " jobs executed by A %d, by B %d%n", runs.size(), fired, Duration.between(from, to), fires,
                executed(a), executed(b));
        // the fires themselves, not only the runs: two fires at once would also be caught by the runs' claims
        // (one of the two starts is refused), which must not hide a trigger firing on both instances
        assertThat(fired).as("each fire on one instance only").isBetween((int) fires - 1, (int) fires + 1);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(Duration.between(runs.get(i - 1), runs.get(i))).as("runs %s", runs)
                    .isGreaterThan(Duration.ofMillis(1000));
        }
        // the misfire policy given (skip) is the stored trigger's
        assertThat(jdbc.queryForObject("select misfire_instr from qrtz_triggers where trigger_group = ?",
                Integer.class, "passerelle-" + CONNECTION)).isEqualTo(2);

        // changed through B: A runs the new cron, the store holds it
        assertThat(status("PUT", b, "/api/connections/" + CONNECTION, document(Map.of(FLOW, EVERY_3S)))).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(camel(a).getRoute(ROUTE)).isNotNull();
            assertThat(camel(a).getRoute(ROUTE).getEndpoint().getEndpointUri()).contains("cron=0%2F3+");
        });
        assertThat(jdbc.queryForObject("select cron_expression from qrtz_cron_triggers where trigger_group = ?",
                String.class, "passerelle-" + CONNECTION)).isEqualTo(EVERY_3S);
        // and its job's data the new URI, which an instance firing it without its route would make an endpoint of
        assertThat(scheduler(a).getJobDetail(new org.quartz.JobKey(FLOW, "passerelle-" + CONNECTION)).getJobDataMap()
                .getString("CamelQuartzEndpoint")).contains("cron=0%2F3+");
        // A paused (as if busy or gone): B fires the schedule it read from the database, still once per fire
        int executedByB = executed(b);
        scheduler(a).standby();
        Instant changed = Instant.now();
        await().atMost(Duration.ofSeconds(15)).until(() -> scheduledRuns(changed).size() >= 2);
        assertThat(executed(b)).as("fired by B").isGreaterThan(executedByB);
        List<Instant> onB = scheduledRuns(changed);
        assertThat(Duration.between(onB.get(0), onB.get(1))).isGreaterThan(Duration.ofMillis(2000));
        scheduler(a).start();

        // an import job's schedule: made through B, run by A too; deleted through A, gone from B and the store
        Map<String, Object> job = new LinkedHashMap<>();
        job.put("name", "nightly hour types");
        job.put("connection", CONNECTION);
        job.put("flows", List.of(FLOW));
        job.put("schedule", "0 0 3 * * ?");
        long jobId = JSON.readTree(call("POST", b, "/api/import-jobs", job).body()).path("id").asLong();
        String jobRoute = "import-job-" + jobId;
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(camel(a).getRoute(jobRoute)).isNotNull());
        assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers where trigger_group = ? and trigger_name = ?",
                Integer.class, "passerelle-import-jobs", String.valueOf(jobId))).isEqualTo(1);
        call("DELETE", a, "/api/import-jobs/" + jobId, null);
        assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers where trigger_group = ?", Integer.class,
                "passerelle-import-jobs")).isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(camel(b).getRoute(jobRoute)).isNull());

        // removed through A: no scheduled run on either instance afterwards
        assertThat(status("PUT", a, "/api/connections/" + CONNECTION, document(Map.of()))).isEqualTo(200);
        Instant removed = Instant.now();
        assertThat(routes(a).routeIds(CONNECTION)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers where trigger_group = ?", Integer.class,
                "passerelle-" + CONNECTION)).as("deleted from the store by A").isZero();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(routes(b).routeIds(CONNECTION)).isEmpty());
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
        assertThat(scheduledRuns(removed)).as("no scheduled run after the removal").isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from qrtz_triggers where trigger_group = ?", Integer.class,
                "passerelle-" + CONNECTION)).isZero();
    }

    /** Start times of the connection's flow's scheduled runs started after {@code after}, in order. */
    private static List<Instant> scheduledRuns(Instant after) {
        return jdbc.query("select started_at from sync_run where connection_id = ? and flow = ? and trigger_type = ?"
                        + " and started_at > ? order by started_at",
                (rs, row) -> rs.getTimestamp("started_at").toInstant(),
                CONNECTION, FLOW, "SCHEDULE", java.sql.Timestamp.from(after));
    }

    private static ConfigurableApplicationContext instance(String name) {
        String url = System.getenv(PostgresSchema.ENV);
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA);
        properties.put("spring.datasource.username", user());
        properties.put("spring.datasource.password", password());
        properties.put("spring.flyway.schemas", SCHEMA);
        properties.put("spring.datasource.hikari.maximum-pool-size", "5");
        // one JVM, one host and data folder: each instance named, as two machines would be
        properties.put("passerelle.instance.name", name);
        properties.put("passerelle.schedules.store", "jdbc");
        properties.put("passerelle.schedules.misfire", "skip");
        properties.put("passerelle.schedules.poll-interval", "1s");
        properties.put("passerelle.avantage.greeting-timeout", "1s");
        properties.put("passerelle.avantage.request-timeout", "5s");
        // two Camel contexts of one name in one JVM: JMX would refuse the second; in production each has its own JVM
        properties.put("camel.main.jmx-enabled", "false");
        properties.put("camel.springboot.main-run-controller", "false");
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(Passerelle.class).profiles("test").logStartupInfo(false).run(args);
    }

    private static Map<String, Object> document(Map<String, String> schedules) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", CONNECTION);
        body.put("company", Map.of("code", "CLUSTER", "name", "Grappe inc."));
        body.put("erp", "avantage");
        body.put("endpoints", List.of(Map.of("name", "main", "url", simulator.url(), "default", true)));
        body.put("credentials", Map.of("user", "integration", "password", "sandbox",
                "encryptionKey", AvantageSimulatorProperties.DEMO_ENCRYPTION_KEY));
        body.put("schedules", schedules);
        body.put("options", Map.of());
        return body;
    }

    private static int status(String method, ConfigurableApplicationContext context, String path, Object body)
            throws Exception {
        return call(method, context, path, body).statusCode();
    }

    private static HttpResponse<String> call(String method, ConfigurableApplicationContext context, String path,
            Object body) throws Exception {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + TOKEN)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isLessThan(300);
        return response;
    }

    private static int executed(ConfigurableApplicationContext context) throws Exception {
        return camel(context).getComponent("quartz", org.apache.camel.component.quartz.QuartzComponent.class)
                .getScheduler().getMetaData().getNumberOfJobsExecuted();
    }

    private static org.quartz.Scheduler scheduler(ConfigurableApplicationContext context) {
        return context.getBean(ClusteredScheduler.class).scheduler();
    }

    private static ScheduleRoutes routes(ConfigurableApplicationContext context) {
        return context.getBean(ScheduleRoutes.class);
    }

    private static CamelContext camel(ConfigurableApplicationContext context) {
        return context.getBean(CamelContext.class);
    }

    private static String user() {
        return System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres");
    }

    private static String password() {
        return System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", "");
    }
}
