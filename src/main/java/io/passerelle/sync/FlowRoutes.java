package io.passerelle.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.RecordMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.routes.RouteFileException;
import io.passerelle.routes.RouteFileListener;
import io.passerelle.routes.RouteFiles;
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
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The inbound flows of each connection, made from their route files: {@code routes/<erp>/<flow>.camel.yaml}, or the
 * file the connection names in {@code options.routes.<flow>}. One Camel route per connection and flow
 * ({@code flow-<connection>-<flow>}), made at the flow's first run and remade when its file changes; a run reads
 * the flow as it was when the run started.
 *
 * <p>The file's parameters say what the flow reads and keeps: {@code remoteEntity}, {@code canonicalEntity} (must be
 * the table the flow writes), {@code mapper}, {@code pageSize}, {@code filter} (jq; items for which it is false
 * are skipped) and {@code customFields} (a JSON object of name → jq).
 */
@Component
public class FlowRoutes implements RouteFileListener {

    private static final Logger LOG = LoggerFactory.getLogger(FlowRoutes.class);

    private final CamelContext camel;
    private final RouteFiles files;
    private final ObjectMapper json;
    private final SyncProperties properties;
    private final Map<String, Made> made = new ConcurrentHashMap<>();

    public FlowRoutes(CamelContext camel, RouteFiles files, ObjectMapper json, SyncProperties properties) {
        this.camel = camel;
        this.files = files;
        this.json = json;
        this.properties = properties;
    }

    /** The route file a connection's flow runs: its own when it names one, else the ERP's. */
    public static String fileFor(Connection connection, String flow) {
        return connection.routeFile(flow).orElse(connection.erp() + "/" + flow + RouteFiles.SUFFIX);
    }

    /**
     * The connection's flow, its route made (or remade, if its file or the connection changed) first.
     *
     * @throws RouteFileException when its file is missing, does not parse, or its parameters are wrong
     */
    public InboundFlow resolve(Connection connection, InboundFlowSpec spec) {
        String routeId = "flow-" + connection.id() + "-" + spec.name();
        String file = fileFor(connection, spec.name());
        String templateId = files.template(file);
        Made current = made.get(routeId);
        if (current != null && current.templateId().equals(templateId) && current.connection().equals(connection)
                && camel.getRoute(routeId) != null) {
            return current.flow();
        }
        synchronized (this) {
            return make(routeId, connection, spec, file, templateId).flow();
        }
    }

    /** Checks a file as a flow's route file (it parses, its parameters are right), making nothing. */
    public void check(String file, InboundFlowSpec spec) {
        compile(file, files.parse(file), spec, null);
    }

    @Override
    public synchronized void routeFileChanged(String templateId) {
        for (Map.Entry<String, Made> entry : List.copyOf(made.entrySet())) {
            Made each = entry.getValue();
            if (each.templateId().equals(templateId)) {
                make(entry.getKey(), each.connection(), each.spec(), each.file(), templateId);
            }
        }
    }

    /** A changed connection may name other files: its routes are remade at their next run. */
    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        made.keySet().removeIf(routeId -> made.get(routeId).connection().id().equals(change.connectionId()));
    }

    private Made make(String routeId, Connection connection, InboundFlowSpec spec, String file, String templateId) {
        InboundFlow flow = compile(file, files.definition(file), spec, "direct:" + routeId);
        RouteTemplates.remove(camel, routeId);
        try {
            RouteTemplates.add(camel, TemplatedRouteBuilder.builder(camel, templateId)
                    .routeId(routeId)
                    .parameter("connectionId", connection.id())
                    .parameter("pages", routeId));
        } catch (RuntimeException e) {
            throw new RouteFileException(file, null, "cannot make the route of flow '" + spec.name() + "' for connection '"
                    + connection.id() + "': " + io.passerelle.run.Causes.rootMessage(e));
        }
        Made result = new Made(templateId, file, connection, spec, flow);
        made.put(routeId, result);
        LOG.debug("connection {}: flow {} runs {}", connection.id(), spec.name(), file);
        return result;
    }

    private InboundFlow compile(String file, RouteTemplateDefinition template, InboundFlowSpec spec, String pages) {
        Map<String, String> parameters = parameters(template);
        try {
            String remoteEntity = required(parameters, "remoteEntity");
            String entity = parameters.getOrDefault("canonicalEntity", spec.entity().apiName());
            if (!spec.entity().apiName().equals(entity)) {
                throw new IllegalArgumentException("canonicalEntity is '" + entity + "', but flow '" + spec.name()
                        + "' writes " + spec.entity().apiName());
            }
            RecordMapper mapper = mapper(parameters.get("mapper"), spec);
            int pageSize = pageSize(parameters.get("pageSize"));
            ItemFilter filter = JqRules.filter(camel, parameters.get("filter"));
            CustomFields customFields = JqRules.customFields(camel, json, parameters.get("customFields"));
            return new InboundFlow(spec.name(), remoteEntity, spec.entity(), mapper, pageSize, filter, customFields, pages);
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

    private static String required(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("parameter '" + name + "' needs a default value");
        }
        return value.strip();
    }

    /** The flow's own mapper by its name (the default), or a {@link RecordMapper} bean by its bean name. */
    private RecordMapper mapper(String name, InboundFlowSpec spec) {
        if (name == null || name.isBlank() || name.strip().equals(spec.name())) {
            return spec.mapper();
        }
        RecordMapper bean = camel.getRegistry().lookupByNameAndType(name.strip(), RecordMapper.class);
        if (bean == null) {
            throw new IllegalArgumentException("mapper '" + name + "' is neither the flow's own ('" + spec.name()
                    + "') nor a RecordMapper bean");
        }
        return bean;
    }

    private int pageSize(String value) {
        if (value == null || value.isBlank()) {
            return properties.pageSize();
        }
        try {
            int size = Integer.parseInt(value.strip());
            if (size >= 1 && size <= 5000) {
                return size;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new IllegalArgumentException("pageSize must be a whole number from 1 to 5000, was '" + value + "'");
    }

    private record Made(String templateId, String file, Connection connection, InboundFlowSpec spec, InboundFlow flow) {
    }
}
