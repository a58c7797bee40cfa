package io.passerelle.connection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The connection store's SQL, read once at start from {@code classpath:sql/connection/*.sql}; a statement is
 * known by its file name without {@code .sql}. Keeping SQL in files keeps it reviewable and free of
 * concatenation: every value is a named parameter.
 */
@Component
public class ConnectionSql {

    static final String LOCATION = "classpath*:sql/connection/*.sql";

    private final Map<String, String> statements;

    public ConnectionSql() {
        this.statements = load();
    }

    public String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException("no SQL file sql/connection/" + name + ".sql");
        }
        return sql;
    }

    private static Map<String, String> load() {
        Map<String, String> loaded = new HashMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(LOCATION)) {
                String fileName = resource.getFilename();
                if (fileName != null) {
                    loaded.put(fileName.substring(0, fileName.length() - ".sql".length()),
                            resource.getContentAsString(StandardCharsets.UTF_8).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + LOCATION, e);
        }
        return Map.copyOf(loaded);
    }
}
