package io.passerelle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The database every contender of one benchmark run writes to ({@code -Dbench.db=h2|postgres}), made fresh for the
 * run: an H2 file under the benchmark's folder with the application's own URL options, or a schema ({@code bench}) of
 * the PostgreSQL the tests take ({@code PASSERELLE_TEST_DB_URL}, {@code PASSERELLE_TEST_DB_USER},
 * {@code PASSERELLE_TEST_DB_PASSWORD}), dropped and made again.
 */
record BenchDatabase(String name, String url, String user, String password, String schema) {

    static BenchDatabase fromSystemProperties(Path dir) {
        String name = System.getProperty("bench.db", "h2").trim().toLowerCase(Locale.ROOT);
        return switch (name) {
            case "h2" -> h2(dir);
            case "postgres", "postgresql" -> postgres("bench");
            default -> throw new IllegalArgumentException("bench.db is h2 or postgres, not '" + name + "'");
        };
    }

    static BenchDatabase h2(Path dir) {
        Path db = dir.resolve("db");
        deleteFolder(db);
        return new BenchDatabase("h2", "jdbc:h2:file:" + db.resolve("bench")
                + ";DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=65536", "sa", "", null);
    }

    /** @param schema dropped if there, and made anew */
    static BenchDatabase postgres(String schema) {
        String server = System.getenv("PASSERELLE_TEST_DB_URL");
        if (server == null || server.isBlank()) {
            throw new IllegalStateException("bench.db=postgres needs PASSERELLE_TEST_DB_URL (and PASSERELLE_TEST_DB_USER),"
                    + " e.g. jdbc:postgresql://127.0.0.1:5432/test");
        }
        String user = System.getenv().getOrDefault("PASSERELLE_TEST_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("PASSERELLE_TEST_DB_PASSWORD", "");
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement ddl = connection.createStatement()) {
            // the schema is the benchmark's own name, never input
            ddl.execute("drop schema if exists " + schema + " cascade");
            ddl.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("could not make a fresh schema '" + schema + "' on " + server, e);
        }
        return new BenchDatabase("postgres", server + (server.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                user, password, schema);
    }

    /** The application's settings that point it at this database. */
    Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", url);
        properties.put("spring.datasource.username", user);
        properties.put("spring.datasource.password", password);
        if (postgres()) {
            properties.put("spring.flyway.schemas", schema);
        }
        return properties;
    }

    boolean postgres() {
        return name.equals("postgres");
    }

    private static void deleteFolder(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the previous benchmark database " + folder, e);
        }
    }
}
