package io.passerelle.bootstrap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.ConnectionDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.env.Environment;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Reads a bootstrap file ({@code connections: [ {id, company, erp, endpoints, credentials, schedules, options,
 * owner} ]}) and resolves {@code ${…}} placeholders in its values against the environment, so that secrets
 * can stay in environment variables and the sandbox URL can follow the simulator's port.
 */
@Component
public class BootstrapFileReader {

    private static final String OPTIONAL = "optional:";

    private final ResourceLoader resources;
    private final Environment environment;
    private final ObjectMapper json;

    public BootstrapFileReader(ResourceLoader resources, Environment environment, ObjectMapper json) {
        this.resources = resources;
        this.environment = environment;
        this.json = json;
    }

    /** The file's connections; none when an {@code optional:} file is missing. */
    public List<ConnectionDocument> read(String location) {
        boolean optional = location.startsWith(OPTIONAL);
        Resource resource = resources.getResource(optional ? location.substring(OPTIONAL.length()) : location);
        if (!resource.exists()) {
            if (optional) {
                return List.of();
            }
            throw new IllegalArgumentException("bootstrap file " + location + " does not exist");
        }
        Object root;
        try (InputStream in = resource.getInputStream()) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bootstrap file " + location, e);
        }
        List<ConnectionDocument> documents = new ArrayList<>();
        if (root instanceof Map<?, ?> top && top.get("connections") instanceof List<?> entries) {
            for (int i = 0; i < entries.size(); i++) {
                Object resolved = resolve(entries.get(i), "connections[" + i + "]");
                documents.add(json.convertValue(resolved, ConnectionDocument.class));
            }
        } else if (root != null) {
            throw new IllegalArgumentException("bootstrap file " + location + " has no 'connections' list");
        }
        return documents;
    }

    private Object resolve(Object value, String path) {
        if (value instanceof String text) {
            try {
                return environment.resolveRequiredPlaceholders(text);
            } catch (IllegalArgumentException e) {
                // name the field, not the value: the message of the exception would quote the value
                throw new IllegalArgumentException("unresolvable ${…} placeholder in " + path);
            }
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> resolved = new LinkedHashMap<>();
            map.forEach((k, v) -> resolved.put(String.valueOf(k), resolve(v, path + "." + k)));
            return resolved;
        }
        if (value instanceof List<?> list) {
            List<Object> resolved = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                resolved.add(resolve(list.get(i), path + "[" + i + "]"));
            }
            return resolved;
        }
        return value;
    }
}
