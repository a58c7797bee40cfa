package io.passerelle.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.StreamUtils;

/**
 * The benchmark's SQL, in src/test/resources/bench; {@code {table}} names the contender's own table. A statement that
 * PostgreSQL says otherwise than H2 (a merge is {@code insert … on conflict}) has its own file in {@code bench/postgres}.
 */
final class BenchSql {

    /** The dialect of the run's database; one benchmark run has one database. */
    private static volatile String dialect = "h2";

    private BenchSql() {
    }

    static void use(BenchDatabase database) {
        dialect = database.name();
    }

    static String get(String file) {
        try (var in = resource(file).getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing bench/" + file, e);
        }
    }

    /** The file as a {@code classpath:} URI, for camel-sql, which reads its statement itself. */
    static String uri(String file) {
        return "classpath:" + resource(file).getPath();
    }

    private static ClassPathResource resource(String file) {
        ClassPathResource own = new ClassPathResource("bench/" + dialect + "/" + file);
        return own.exists() ? own : new ClassPathResource("bench/" + file);
    }

    /** Drops and creates a contender's own employee table. */
    static void createTable(DataSource dataSource, String table) {
        try (Connection connection = dataSource.getConnection(); Statement ddl = connection.createStatement()) {
            for (String statement : get("employee-table.sql", table).split(";")) {
                if (!statement.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
                    ddl.execute(statement);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String get(String file, String table) {
        return get(file).replace("{table}", table);
    }
}
