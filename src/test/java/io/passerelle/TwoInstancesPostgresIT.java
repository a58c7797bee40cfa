package io.passerelle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.AvantageSimulatorProperties;
import io.passerelle.sandbox.avantage.Project;
import io.passerelle.sandbox.avantage.TimesheetLine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two packaged instances, a and b, on one PostgreSQL database and one Avantage (a simulator in this JVM that answers
 * slowly on demand), as issue 16 has them: a schedule every 5 s makes one run per fire, and removed through b it stops
 * on both; an export going on a is a 409 on b; a killed with kill -9 mid-export has its
 * run closed by b, in words, long before 2 minutes (heartbeats every second, silent after 5 s), and b's next export
 * leaves every line in Avantage exactly once; a SIGTERM during b's sync leaves the run INTERRUPTED with its counts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "PASSERELLE_TEST_DB_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db (.ci/run does)")
class TwoInstancesPostgresIT {

    static final ObjectMapper JSON = new ObjectMapper();
    static final SecureRandom RANDOM = new SecureRandom();
    /** Letters, digits and underscores only: it stands in DDL, which takes no parameters. */
    static final String DATABASE = "passerelle_two_" + HexFormat.of().formatHex(bytes(6));
    static final String CONNECTION = "boreal-avantage";
    static final int SHEETS = 10;

    static AvantageSimulator avantage;
    static PackagedInstance a;
    static PackagedInstance b;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        try (Connection admin = ItDatabases.adminConnection(); Statement ddl = admin.createStatement()) {
            ddl.execute("create database " + DATABASE);
        }
        avantage = new AvantageSimulator(AvantageSimulatorProperties.defaults()).start();
        token = HexFormat.of().formatHex(bytes(24));
        String key = Base64.getEncoder().encodeToString(bytes(32));
        a = instance("a", key).start().awaitReady(Duration.ofMinutes(2));
        b = instance("b", key).start().awaitReady(Duration.ofMinutes(2));
    }

    static PackagedInstance instance(String name, String key) throws IOException {
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "production");
        environment.put("SPRING_DATASOURCE_URL", ItDatabases.databaseUrl(DATABASE));
        environment.put("SPRING_DATASOURCE_USERNAME", ItDatabases.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", ItDatabases.password());
        environment.put("PASSERELLE_SECRET_KEY", key);
        environment.put("PASSERELLE_ADMIN_TOKEN", token);
        environment.put("PASSERELLE_INSTANCE_NAME", name);
        return new PackagedInstance(Files.createTempDirectory("passerelle-two-" + name), environment,
                List.of("-Xmx384m"), List.of("--passerelle.instance.heartbeat-interval=1s",
                        "--passerelle.instance.dead-after=5s", "--passerelle.sync.page-size=50",
                        // an export of a page of 2 lines at a time, one batch on the wire: a kill lands mid-export
                        "--passerelle.export.page-size=2", "--passerelle.export.batches-in-flight=1"));
    }

    @AfterAll
    static void stop() throws Exception {
        for (PackagedInstance each : new PackagedInstance[] {a, b}) {
            if (each != null) {
                each.stop();
            }
        }
        if (avantage != null) {
            avantage.stop();
        }
        try (Connection admin = ItDatabases.adminConnection(); Statement ddl = admin.createStatement()) {
            ddl.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    @Order(1)
    void aScheduleEveryFiveSecondsMakesOneRunPerFireAndOneRemovedThroughTheOtherStopsOnBoth() throws Exception {
        created(a.send("POST", "/api/connections", token, connection("{\"hourTypes\": \"0/5 * * * * ?\"}")));
        // the other instance reads the schedule within its poll; from then on each fire is one run, on either
        await().atMost(Duration.ofSeconds(40)).until(() -> scheduledRuns().size() >= 5);
        List<Instant> starts = scheduledRuns();
        for (int i = 1; i < starts.size(); i++) {
            assertThat(Duration.between(starts.get(i - 1), starts.get(i))).as("one run per fire, not one per instance")
                    .isGreaterThan(Duration.ofSeconds(3));
        }

        ok(b.send("PUT", "/api/connections/" + CONNECTION, token, connection("{}")));
        Instant removed = Instant.now();
        // no scheduled run on either instance once it is removed, for longer than two fires and a poll
        await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(20))
                .until(() -> scheduledRuns().stream().noneMatch(start -> start.isAfter(removed.plusSeconds(1))));
    }

    @Test
    @Order(2)
    void anExportGoingOnOneInstanceIsA409OnTheOtherAndAKilledOnesRunIsClosedAndItsLinesSentOnce() throws Exception {
        JsonNode synced = ok(a.send("POST", "/api/connections/" + CONNECTION + "/sync/all?wait=true", token, null));
        assertThat(synced.findValues("status")).allSatisfy(s -> assertThat(s.asText()).isEqualTo("SUCCEEDED"));
        ok(a.send("PUT", "/api/connections/" + CONNECTION + "/maps/hourTypes", token,
                "{\"entries\":[{\"platformCode\":\"REG\",\"erpCode\":\"REG\",\"regular\":true}]}"));
        List<String> lines = timesheets();

        avantage.faults().delayResponses(Duration.ofMillis(800));
        HttpResponse<String> started = a.send("POST", "/api/connections/" + CONNECTION + "/export/timesheets", token, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long run = JSON.readTree(started.body()).path("runId").asLong();

        HttpResponse<String> elsewhere = b.send("POST", "/api/connections/" + CONNECTION + "/export/timesheets", token,
                null);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(409);
        assertThat(elsewhere.body()).contains("running on instance a");

        // kill -9 once a has had an answer, with more on the wire and to come
        await().atMost(Duration.ofMinutes(1)).until(() -> counts(b, run).path("accepted").asInt() >= 2);
        a.kill();

        await().atMost(Duration.ofMinutes(2)).until(() -> runOf(b, run).path("status").asText().equals("FAILED"));
        assertThat(runOf(b, run).path("message").asText()).startsWith("interrupted: instance a stopped");
        avantage.faults().reset();

        JsonNode next = ok(b.send("POST", "/api/connections/" + CONNECTION + "/export/timesheets?wait=true", token,
                null));
        assertThat(next.path("status").asText()).as(next.toString()).isEqualTo("SUCCEEDED");
        Map<String, Long> posted = avantage.postedLines().stream()
                .collect(Collectors.groupingBy(TimesheetLine::lineId, Collectors.counting()));
        assertThat(posted).as("every line in Avantage, each once").containsOnlyKeys(lines)
                .allSatisfy((line, times) -> assertThat(times).isEqualTo(1L));
    }

    @Test
    @Order(3)
    void aSigtermDuringASyncLeavesItsRunInterruptedWithItsCounts() throws Exception {
        avantage.faults().delayResponses(Duration.ofMillis(400));
        HttpResponse<String> started = b.send("POST", "/api/connections/" + CONNECTION + "/sync/employees?mode=full",
                token, null);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        long run = JSON.readTree(started.body()).path("runId").asLong();
        await().atMost(Duration.ofMinutes(1)).until(() -> counts(b, run).path("read").asInt() >= 50);

        int exit = b.stop(Duration.ofSeconds(60));
        avantage.faults().reset();

        assertThat(exit).as("b stopped on its own, within its drain time").isNotEqualTo(-1);
        b.start().awaitReady(Duration.ofMinutes(2));
        JsonNode interrupted = runOf(b, run);
        assertThat(interrupted.path("status").asText()).as(interrupted.toString()).isEqualTo("INTERRUPTED");
        int read = interrupted.path("counts").path("read").asInt();
        assertThat(read).isBetween(50, 250).matches(n -> n % 50 == 0, "whole pages");
        assertThat(interrupted.path("counts").path("unchanged").asInt() + interrupted.path("counts").path("updated")
                .asInt() + interrupted.path("counts").path("created").asInt()).as("each page read was written")
                .isEqualTo(read);
    }

    static String connection(String schedules) {
        return """
                {"id":"%s","company":{"code":"BOREAL","name":"Construction Boréal inc."},"erp":"avantage",
                 "endpoints":[{"name":"main","url":"tcp://%s:%d","default":true}],
                 "credentials":{"user":"integration","password":"sandbox","encryptionKey":"%s"},"schedules":%s,
                 "options":{}}""".formatted(CONNECTION, avantage.host(), avantage.port(),
                AvantageSimulatorProperties.DEMO_ENCRYPTION_KEY, schedules);
    }

    /** When each scheduled run of the connection's hour types started, oldest first, whichever instance ran it. */
    static List<Instant> scheduledRuns() throws Exception {
        List<Instant> starts = new ArrayList<>();
        for (JsonNode run : ok(b.get("/api/runs?connection=" + CONNECTION + "&flow=hourTypes&limit=100", token))) {
            if (run.path("trigger").asText().equals("SCHEDULE")) {
                starts.add(Instant.parse(run.path("startedAt").asText()));
            }
        }
        starts.sort(null);
        return starts;
    }

    /** Ten VALIDATED sheets of two lines each, on a synced project and activity; their line ids. */
    static List<String> timesheets() throws Exception {
        Project project = avantage.dataset().projects().get(4);
        String activity = avantage.dataset().activities(project.number()).get(0).code();
        List<String> lineIds = new ArrayList<>();
        for (int i = 0; i < SHEETS; i++) {
            String employee = avantage.dataset().employees().get(100 + i).number();
            HttpResponse<String> written = a.send("POST", "/api/timesheets", token, """
                    {"company":"BOREAL","employeeNumber":"%s","status":"VALIDATED",
                     "lines":[{"date":"2026-11-16","projectNumber":"%s","activityCode":"%s","hours":8.0},
                              {"date":"2026-11-17","projectNumber":"%s","activityCode":"%s","hours":7.5}]}"""
                    .formatted(employee, project.number(), activity, project.number(), activity));
            created(written);
            JSON.readTree(written.body()).path("lines").forEach(line -> lineIds.add(line.path("lineId").asText()));
        }
        assertThat(lineIds).hasSize(2 * SHEETS);
        return lineIds;
    }

    static JsonNode runOf(PackagedInstance instance, long run) throws Exception {
        return ok(instance.get("/api/runs/" + run, token));
    }

    static JsonNode counts(PackagedInstance instance, long run) throws Exception {
        return runOf(instance, run).path("counts");
    }

    static JsonNode ok(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static void created(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isEqualTo(201);
    }

    static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
