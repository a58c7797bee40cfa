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

/** The benchmark's SQL, in src/test/resources/bench; {@code {table}} names the contender's own table. */
final class BenchSql {

    private BenchSql() {
    }

    static String get(String file) {
        try (var in = new ClassPathResource("bench/" + file).getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing bench/" + file, e);
        }
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
