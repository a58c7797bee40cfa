package io.passerelle.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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

    private static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return StreamUtils.copyToString(in, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("missing SQL file " + path, e);
        }
    }
}
