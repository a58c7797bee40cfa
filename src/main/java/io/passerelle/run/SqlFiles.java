package io.passerelle.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * SQL lives in classpath files with named parameters; read each once. A statement that PostgreSQL should run
 * otherwise than the file every database reads (a plan its planner would choose badly before it has statistics, an
 * {@code on conflict}) has a file of the same name under {@code sql/postgresql/}, taken instead when the application's
 * database is PostgreSQL.
 */
@Component
public class SqlFiles {

    static final String POSTGRESQL = "sql/postgresql/";

    private final Map<String, String> cache = new ConcurrentHashMap<>();
    private final DataSource dataSource;
    private volatile Boolean postgresql;

    /** The files every database reads, whatever the database: for tests of one statement. */
    public SqlFiles() {
        this.dataSource = null;
        this.postgresql = false;
    }

    /** The files of the database behind {@code dataSource}, asked once, at the first statement. */
    @Autowired
    public SqlFiles(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public String get(String path) {
        return cache.computeIfAbsent(path, this::read);
    }

    /**
     * Keys as one-column rows for a {@code (values :keys) k (key)} list joined on an index. Spring expands a
     * collection of arrays to {@code (?), (?), …}, which H2 and PostgreSQL both read as rows. Prefer it to
     * {@code column in (:keys)} after another condition: H2 then uses only the index's leading columns and
     * reads every row under them.
     */
    public static List<Object[]> keyRows(Collection<String> keys) {
        List<Object[]> rows = new ArrayList<>(keys.size());
        for (String key : keys) {
            rows.add(new Object[] {key});
        }
        return rows;
    }

    private String read(String path) {
        if (path.startsWith("sql/") && postgresql()) {
            ClassPathResource own = new ClassPathResource(POSTGRESQL + path.substring("sql/".length()));
            if (own.exists()) {
                return read(own);
            }
        }
        return read(new ClassPathResource(path));
    }

    private static String read(ClassPathResource file) {
        try (var in = file.getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing SQL file " + file.getPath(), e);
        }
    }

    private boolean postgresql() {
        Boolean known = postgresql;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot tell which database the application uses", e);
            }
            postgresql = known;
        }
        return known;
    }
}
