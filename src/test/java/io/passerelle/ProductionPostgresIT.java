package io.passerelle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.sandbox.acumatica.AcumaticaSimulator;
import io.passerelle.sandbox.acumatica.AcumaticaSimulatorProperties;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.AvantageSimulatorProperties;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The packaged jar as a deployment runs it: profile {@code production}, PostgreSQL from {@code SPRING_DATASOURCE_URL}
 * (a database of its own, created empty here and dropped after), the secret key and an admin token from the
 * environment, and ERPs that are not Passerelle's: the Avantage and Acumatica simulators run in this JVM, and the
 * connections to them are made through the API. Prints "SIZING ..." lines (heap after a full GC, idle and after a
 * sync round of many connections) for the README's sizing note.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@EnabledIfEnvironmentVariable(named = "PASSERELLE_TEST_DB_URL", matches = "jdbc:postgresql:.+",
        disabledReason = "no PostgreSQL given: set PASSERELLE_TEST_DB_URL=jdbc:postgresql://host:5432/db (.ci/run does)")
class ProductionPostgresIT {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Connections of the sizing round, each syncing the simulator's employees: the figures quoted in the README. */
    static final int SIZING_CONNECTIONS = Integer.getInteger("passerelle.sizing.connections", 50);
    /** Only what this test makes: letters, digits and underscores, so that it can stand in DDL (no parameters there). */
    static final String DATABASE = "passerelle_it_" + HexFormat.of().formatHex(randomBytes(6));
    static final Pattern MIGRATION = Pattern.compile("V([0-9_]+)__.+\\.sql");

    static AvantageSimulator avantage;
    static AcumaticaSimulator acumatica;
    static PackagedInstance passerelle;
    static String token;
    static String sheet;

    @BeforeAll
    static void start() throws Exception {
        try (Connection admin = ItDatabases.adminConnection(); Statement ddl = admin.createStatement()) {
            ddl.execute("create database " + DATABASE);
        }
        avantage = new AvantageSimulator(AvantageSimulatorProperties.defaults()).start();
        acumatica = new AcumaticaSimulator(AcumaticaSimulatorProperties.defaults()).start();

        byte[] key = randomBytes(32);
        token = HexFormat.of().formatHex(randomBytes(24));
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("SPRING_PROFILES_ACTIVE", "production");
        environment.put("SPRING_DATASOURCE_URL", ItDatabases.databaseUrl(DATABASE));
        environment.put("SPRING_DATASOURCE_USERNAME", ItDatabases.user());
        environment.put("SPRING_DATASOURCE_PASSWORD", ItDatabases.password());
        environment.put("PASSERELLE_SECRET_KEY", Base64.getEncoder().encodeToString(key));
        environment.put("PASSERELLE_ADMIN_TOKEN", token);
        passerelle = new PackagedInstance(Files.createTempDirectory("passerelle-production-it"), environment,
                List.of("-Xmx512m"), List.of()).start().awaitReady(Duration.ofMinutes(2));
    }

    @AfterAll
    static void stop() throws SQLException {
        if (passerelle != null) {
            passerelle.stop();
        }
        if (avantage != null) {
            avantage.stop();
        }
        if (acumatica != null) {
            acumatica.close();
        }
        try (Connection admin = ItDatabases.adminConnection(); Statement ddl = admin.createStatement()) {
            ddl.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    @Order(1)
    void flywayMigratesTheEmptyDatabaseAndNoSandboxStarts() throws Exception {
        assertThat(migrated("SQL")).as("every SQL migration of the jar, applied").isEqualTo(migrations());
        assertThat(migrated("JDBC")).as("the Java migrations (SearchTextBackfill)").isNotEmpty();
        try (Connection db = database(); Statement query = db.createStatement();
             ResultSet failed = query.executeQuery("select count(*) from flyway_schema_history where not success")) {
            assertThat(failed.next() && failed.getInt(1) == 0).as("no failed migration").isTrue();
        }
        assertThat(tables()).contains("company", "connection", "employee", "sync_run", "timesheet", "export_item");

        assertThat(get("/api/connections")).as("no sandbox connection is bootstrapped").isEmpty();
        assertThat(passerelle.logText()).contains("The following 1 profile is active: \"production\"")
                .doesNotContain("sandbox simulator listening").doesNotContain("Bootstrap: connection");
        assertThat(passerelle.get("/api/connections", null).statusCode()).isEqualTo(401);
    }

    @Test
    @Order(2)
    void syncsAvantageEmployeesAndExportsAValidatedTimesheet() throws Exception {
        created(post("/api/connections", avantageConnection("boreal-avantage", "BOREAL")));
        HttpResponse<String> test = post("/api/connections/boreal-avantage/test", null);
        assertThat(test.statusCode()).as(test.body()).isEqualTo(200);
        assertThat(JSON.readTree(test.body()).path("ok").asBoolean()).as(test.body()).isTrue();

        JsonNode runs = ok(post("/api/connections/boreal-avantage/sync/all?wait=true", null));
        assertThat(runs.findValues("status")).allSatisfy(status -> assertThat(status.asText()).isEqualTo("SUCCEEDED"));
        JsonNode employees = flow(runs, "employees");
        assertThat(employees.path("counts").path("created").asInt())
                .isEqualTo(avantage.dataset().employees().size()).isEqualTo(300);

        // the README's walkthrough: code maps, a VALIDATED timesheet from the platform, the export
        ok(put("/api/connections/boreal-avantage/maps/hourTypes",
                "{\"entries\":[{\"platformCode\":\"REG\",\"erpCode\":\"REG\",\"regular\":true},"
                        + "{\"platformCode\":\"OT\",\"erpCode\":\"OT\"}]}"));
        ok(put("/api/connections/boreal-avantage/maps/earnings", "{\"entries\":[{\"platformCode\":\"KM\",\"erpCode\":\"KM\"}]}"));
        HttpResponse<String> written = post("/api/timesheets", """
                {"company":"BOREAL","employeeNumber":"E-00042","status":"VALIDATED",
                 "lines":[{"date":"2026-11-16","projectNumber":"P-1003","activityCode":"03-100","hours":8.0,
                           "hourTypeCode":"REG","earnings":[{"code":"KM","quantity":42}]},
                          {"date":"2026-11-17","projectNumber":"P-1003","activityCode":"03-100","hours":9.5}]}""");
        assertThat(written.statusCode()).as(written.body()).isEqualTo(201);
        String location = written.headers().firstValue("Location").orElseThrow();
        sheet = location.substring(location.lastIndexOf('/') + 1);

        JsonNode export = ok(post("/api/connections/boreal-avantage/export/timesheets?wait=true", null));
        assertThat(export.path("status").asText()).as(export.toString()).isEqualTo("SUCCEEDED");
        assertThat(export.path("counts").path("accepted").asInt()).isEqualTo(2);
        JsonNode frozen = get("/api/timesheets/" + sheet);
        assertThat(frozen.path("status").asText()).isEqualTo("FROZEN");
        assertThat(frozen.path("lines")).hasSize(2)
                .allSatisfy(line -> assertThat(line.path("export").path("state").asText()).isEqualTo("ACCEPTED"));
        assertThat(avantage.postedLines()).hasSize(2);

        // Acumatica, over HTTP with its cookie sign-in
        created(post("/api/connections", """
                {"id":"laurent-acumatica","company":{"code":"LAURENT","name":"Bâtiments Laurentides inc."},
                 "erp":"acumatica","endpoints":[{"name":"main","url":"%s","default":true}],
                 "credentials":{"user":"passerelle","password":"sandbox","tenant":"Laurentides"},
                 "options":{"endpointVersion":"24.200.001"}}""".formatted(acumatica.url())));
        JsonNode vendors = ok(post("/api/connections/laurent-acumatica/sync/vendors?wait=true", null));
        assertThat(vendors.path("status").asText()).as(vendors.toString()).isEqualTo("SUCCEEDED");
        assertThat(vendors.path("counts").path("created").asInt()).isPositive();
    }

    /** Not an assertion of speed: figures for the README, printed as "SIZING ..." lines. */
    @Test
    @Order(3)
    void sizingManyConnectionsIdleAndAfterASyncRound() throws Exception {
        long baseline = heapAfterGc();
        for (int i = 1; i <= SIZING_CONNECTIONS; i++) {
            String id = "size-%03d".formatted(i);
            created(post("/api/connections", avantageConnection(id, "SIZE%03d".formatted(i))));
        }
        long idle = heapAfterGc();

        long started = System.nanoTime();
        ExecutorService callers = Executors.newFixedThreadPool(4);
        try {
            List<Future<JsonNode>> syncs = new ArrayList<>();
            for (int i = 1; i <= SIZING_CONNECTIONS; i++) {
                String path = "/api/connections/size-%03d/sync/employees?wait=true".formatted(i);
                syncs.add(callers.submit(() -> ok(post(path, null))));
            }
            for (Future<JsonNode> sync : syncs) {
                JsonNode run = sync.get(2, TimeUnit.MINUTES);
                assertThat(run.path("status").asText()).as(run.toString()).isEqualTo("SUCCEEDED");
                assertThat(run.path("counts").path("created").asInt()).isEqualTo(300);
            }
        } finally {
            callers.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        long synced = heapAfterGc();
        double peak = metric("jvm.memory.max", "area:heap");

        System.out.printf("SIZING heap after GC, no connection but boreal-avantage and laurent-acumatica: %d MiB%n",
                baseline >> 20);
        System.out.printf("SIZING heap after GC, %d more Avantage connections, idle (hourly schedules): %d MiB (%.2f MiB a connection)%n",
                SIZING_CONNECTIONS, idle >> 20, (idle - baseline) / 1048576.0 / SIZING_CONNECTIONS);
        System.out.printf("SIZING heap after GC, after each synced its 300 employees (%d records): %d MiB%n",
                SIZING_CONNECTIONS * 300, synced >> 20);
        System.out.printf("SIZING after the round: non-heap %d MiB, %d live threads, resident set %s%n",
                (long) metric("jvm.memory.used", "area:nonheap") >> 20, (long) metric("jvm.threads.live", null),
                residentSet());
        System.out.printf("SIZING sync round: %d employee syncs, 4 at a time, in %.1f s (-Xmx512m, max heap %d MiB)%n",
                SIZING_CONNECTIONS, seconds / 1000.0, (long) peak >> 20);
        assertThat(get("/api/connections")).hasSize(SIZING_CONNECTIONS + 2);
    }

    @Test
    @Order(4)
    void restartedOnTheSameDatabaseItKeepsItsDataAndConnectionsAndSyncsNothingOnItsOwn() throws Exception {
        List<String> connections = ids(get("/api/connections"));
        List<String> runs = ids(get("/api/runs?limit=500"));
        Set<String> migrated = migrated();

        int exit = passerelle.stop();
        assertThat(exit).as("SIGTERM: a graceful exit (143 = 128 + SIGTERM), see %s", passerelle.log()).isIn(0, 143);
        passerelle.start().awaitReady(Duration.ofMinutes(2));

        assertThat(migrated()).as("nothing migrated twice").isEqualTo(migrated);
        assertThat(ids(get("/api/connections"))).isEqualTo(connections);
        assertThat(ids(get("/api/runs?limit=500"))).as("no run started by the restart").isEqualTo(runs);
        assertThat(get("/api/connections/boreal-avantage/records/employees?limit=1000").path("items")).hasSize(300);
        assertThat(get("/api/timesheets/" + sheet).path("status").asText()).isEqualTo("FROZEN");

        // the credentials were stored with the environment's key and read back with it
        HttpResponse<String> test = post("/api/connections/boreal-avantage/test", null);
        assertThat(JSON.readTree(test.body()).path("ok").asBoolean()).as(test.body()).isTrue();
        JsonNode again = ok(post("/api/connections/boreal-avantage/sync/employees?wait=true&mode=full", null));
        assertThat(again.path("counts").path("created").asInt()).isZero();
        assertThat(again.path("counts").path("unchanged").asInt()).isEqualTo(300);

        assertThat(JSON.readTree(passerelle.get("/actuator/health", null).body()).path("status").asText()).isEqualTo("UP");
        HttpResponse<String> prometheus = passerelle.get("/actuator/prometheus", token);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("# HELP passerelle_records_total").contains("hikaricp_connections_active");
        assertThat(passerelle.logText()).doesNotContain("sandbox simulator listening");
    }

    static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    /**
     * The packaged production profile has no database of its own: without SPRING_DATASOURCE_URL it refuses to start,
     * saying what to set, and makes no H2 file. (Its other refusals, no secret key and no API token, are
     * SecretKeyLoaderTest's and ApiTokensFactoryTest's: each would cost this test a full start-up.)
     */
    @Test
    @Order(5)
    void productionRefusesToStartWithoutItsDatabase() throws Exception {
        Map<String, String> noDatabase = new LinkedHashMap<>(passerelle.environment());
        noDatabase.remove("SPRING_DATASOURCE_URL");
        assertRefused(noDatabase, "The production profile needs its database: set SPRING_DATASOURCE_URL");
    }

    static void assertRefused(Map<String, String> environment, String reason) throws Exception {
        Map<String, String> unset = new LinkedHashMap<>(environment);
        unset.putIfAbsent("SPRING_DATASOURCE_URL", null); // not inherited from this JVM's environment either
        Path home = Files.createTempDirectory("passerelle-refused");
        PackagedInstance refused = new PackagedInstance(home, unset, List.of("-Xmx256m"), List.of()).start();
        try {
            assertThat(refused.awaitExit(Duration.ofMinutes(1))).as("exit code, see %s", refused.log()).isNotZero();
            assertThat(refused.logText()).contains(reason);
            assertThat(home.resolve("data")).as("no H2 file made").doesNotExist();
        } finally {
            refused.kill();
        }
    }

    // ---- the database --------------------------------------------------------------------------------------

    static Connection database() throws SQLException {
        return DriverManager.getConnection(ItDatabases.databaseUrl(DATABASE), ItDatabases.user(), ItDatabases.password());
    }

    /** Every row of flyway_schema_history: version, type, checksum, success. */
    static Set<String> migrated() throws SQLException {
        Set<String> rows = new TreeSet<>();
        try (Connection db = database(); Statement query = db.createStatement();
             ResultSet history = query.executeQuery(
                     "select version, type, checksum, success from flyway_schema_history")) {
            while (history.next()) {
                rows.add(history.getString(1) + " " + history.getString(2) + " " + history.getString(3) + " "
                        + history.getBoolean(4));
            }
        }
        return rows;
    }

    /** The versions that flyway_schema_history records as applied successfully, of one type (SQL, JDBC). */
    static Set<String> migrated(String type) throws SQLException {
        Set<String> versions = new TreeSet<>();
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement(
                     "select version from flyway_schema_history where success and type = ?")) {
            query.setString(1, type);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    versions.add(rows.getString(1));
                }
            }
        }
        return versions;
    }

    /** The versions of the V*.sql files the build packs (V3_1 is version 3.1). */
    static Set<String> migrations() throws IOException, URISyntaxException {
        Path folder = Path.of(ProductionPostgresIT.class.getClassLoader().getResource("db/migration").toURI());
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(file -> MIGRATION.matcher(file.getFileName().toString()))
                    .filter(Matcher::matches)
                    .map(version -> version.group(1).replace('_', '.'))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    static Set<String> tables() throws SQLException {
        Set<String> tables = new TreeSet<>();
        try (Connection db = database(); Statement query = db.createStatement();
             ResultSet rows = query.executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }

    // ---- the API ---------------------------------------------------------------------------------------------

    static String avantageConnection(String id, String company) {
        return """
                {"id":"%s","company":{"code":"%s","name":"Company %s"},"erp":"avantage",
                 "endpoints":[{"name":"main","url":"tcp://%s:%d","default":true}],
                 "credentials":{"user":"integration","password":"sandbox","encryptionKey":"%s"},
                 "schedules":{"projects":"0 0 * * * ?","employees":"0 5 * * * ?","activities":"0 15 * * * ?"},
                 "options":{}}""".formatted(id, company, company, avantage.host(), avantage.port(),
                AvantageSimulatorProperties.DEMO_ENCRYPTION_KEY);
    }

    static JsonNode flow(JsonNode runs, String flow) {
        for (JsonNode run : runs.findParents("flow")) {
            if (run.path("flow").asText().equals(flow)) {
                return run;
            }
        }
        throw new AssertionError("no run of " + flow + " in " + runs);
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    /** Heap in use after a full collection, asked of the instance's JVM with jcmd (from this JDK). */
    static long heapAfterGc() throws Exception {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        Process gc = new ProcessBuilder(jcmd.toString(), Long.toString(passerelle.pid()), "GC.run")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(gc.waitFor(1, TimeUnit.MINUTES)).isTrue();
        return (long) metric("jvm.memory.used", "area:heap");
    }

    /** The instance's resident memory as Linux reports it (VmRSS), or "unknown" elsewhere. */
    static String residentSet() {
        try (Stream<String> status = Files.lines(Path.of("/proc/" + passerelle.pid() + "/status"))) {
            return status.filter(line -> line.startsWith("VmRSS:"))
                    .map(line -> (Long.parseLong(line.replaceAll("[^0-9]", "")) >> 10) + " MiB")
                    .findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static double metric(String name, String tag) throws Exception {
        JsonNode metric = get("/actuator/metrics/" + name + (tag == null ? "" : "?tag=" + tag));
        return metric.path("measurements").get(0).path("value").asDouble();
    }

    static JsonNode get(String path) throws IOException, InterruptedException {
        return ok(passerelle.get(path, token));
    }

    static HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return passerelle.send("POST", path, token, json);
    }

    static HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return passerelle.send("PUT", path, token, json);
    }

    static JsonNode ok(HttpResponse<String> answer) throws IOException {
        assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static void created(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).as("%s %s", answer.request().uri(), answer.body()).isEqualTo(201);
    }
}
