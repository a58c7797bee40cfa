package io.passerelle.routes;

import io.passerelle.run.Causes;
import io.passerelle.run.RouteTemplates;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.TemplatedRouteBuilder;
import org.apache.camel.model.RouteTemplateDefinition;
import org.apache.camel.model.RouteTemplateParameterDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The routes made from route files for each connection and flow, inbound and outbound alike: made at the flow's
 * first run, remade when the connection changed since (another file, other credentials) or when the file changes.
 * What a file's parameters make of a flow is the caller's {@link Maker}; a run reads the flow as it was when it
 * started.
 */
@Component
public class ConnectionRoutes implements RouteFileListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRoutes.class);

    private final CamelContext camel;
    private final RouteFiles files;
    private final Map<String, Made> made = new ConcurrentHashMap<>();

    public ConnectionRoutes(CamelContext camel, RouteFiles files) {
        this.camel = camel;
        this.files = files;
    }

    /** What a route file's parameters make of one flow. */
    @FunctionalInterface
    public interface Maker<T> {

        /**
         * @param parameters the file's parameters and their defaults, placeholders resolved
         * @param endpoint   the direct endpoint of the route made for the connection, or null for a check
         * @throws IllegalArgumentException naming the parameter that is wrong
         */
        T make(Map<String, String> parameters, String endpoint);
    }

    /**
     * The flow of one connection, its route made (or remade) first.
     *
     * @param version           what the route was made for (the connection as it is): another version remakes it
     * @param endpointParameter the template parameter that takes the route's endpoint ({@code pages}, {@code run})
     * @throws RouteFileException when the file is missing, does not parse, or its parameters are wrong
     */
    @SuppressWarnings("unchecked")
    public <T> T resolve(String routeId, String connectionId, Object version, String file, String endpointParameter,
            Maker<T> maker) {
        String templateId = files.template(file);
        Made current = made.get(routeId);
        if (current != null && current.templateId().equals(templateId) && current.version().equals(version)
                && camel.getRoute(routeId) != null) {
            return (T) current.value();
        }
        synchronized (this) {
            return (T) make(routeId, new Recipe(file, connectionId, version, endpointParameter, maker)).value();
        }
    }

    /** What the file as it is now makes of a flow, making no route: a check. */
    public <T> T check(String file, Maker<T> maker) {
        return compile(file, files.parse(file), maker, null);
    }

    @Override
    public synchronized void routeFileChanged(String templateId) {
        for (Map.Entry<String, Made> entry : List.copyOf(made.entrySet())) {
            if (entry.getValue().templateId().equals(templateId)) {
                make(entry.getKey(), entry.getValue().recipe());
            }
        }
    }

    /**
     * A connection changed: its routes are remade at their next run. A deleted one's are removed now; nothing of it
     * runs any more.
     */
    public synchronized void forget(String connectionId, boolean deleted) {
        for (Map.Entry<String, Made> entry : List.copyOf(made.entrySet())) {
            if (entry.getValue().recipe().connectionId().equals(connectionId)) {
                made.remove(entry.getKey());
                if (deleted) {
                    RouteTemplates.remove(camel, entry.getKey());
                }
            }
        }
    }

    private Made make(String routeId, Recipe recipe) {
        String templateId = files.template(recipe.file());
        Object value = compile(recipe.file(), files.definition(recipe.file()), recipe.maker(), "direct:" + routeId);
        RouteTemplates.remove(camel, routeId);
        try {
            RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, templateId)
                    .routeId(routeId)
                    .parameter("connectionId", recipe.connectionId())
                    .parameter(recipe.endpointParameter(), routeId));
        } catch (RuntimeException e) {
            throw new RouteFileException(recipe.file(), null, "cannot make route " + routeId + ": " + Causes.rootMessage(e));
        }
        Made result = new Made(templateId, recipe.version(), recipe, value);
        made.put(routeId, result);
        LOG.debug("route {} made from {}", routeId, recipe.file());
        return result;
    }

    private <T> T compile(String file, RouteTemplateDefinition template, Maker<T> maker, String endpoint) {
        try {
            return maker.make(parameters(template), endpoint);
        } catch (IllegalArgumentException e) {
            throw new RouteFileException(file, null, e.getMessage());
        }
    }

    /** The template's defaults, placeholders resolved ({@code {{passerelle.sync.page-size}}}). */
    private Map<String, String> parameters(RouteTemplateDefinition template) {
        Map<String, String> values = new HashMap<>();
        for (RouteTemplateParameterDefinition parameter : template.getTemplateParameters()) {
            if (parameter.getDefaultValue() != null) {
                values.put(parameter.getName(), camel.resolvePropertyPlaceholders(parameter.getDefaultValue()));
            }
        }
        return values;
    }

    /** Everything needed to make a route again when its file changes. */
    private record Recipe(String file, String connectionId, Object version, String endpointParameter, Maker<?> maker) {
    }

    private record Made(String templateId, Object version, Recipe recipe, Object value) {
    }
}
