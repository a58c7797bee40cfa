package io.passerelle.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/** SQL lives in classpath files with named parameters; read each once. */
@Component
public class SqlFiles {

    private final Map<String, String> cache = new ConcurrentHashMap<>();

    public String get(String path) {
        return cache.computeIfAbsent(path, SqlFiles::read);
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

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing SQL file " + path, e);
        }
    }
}
