package io.passerelle.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.RecordMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionChanged;
import io.passerelle.routes.ConnectionRoutes;
import io.passerelle.routes.RouteFileException;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The inbound flows of each connection, made from their route files: {@code routes/<erp>/<flow>.camel.yaml}, or the
 * file the connection names in {@code options.routes.<flow>}. One Camel route per connection and flow
 * ({@code flow-<connection>-<flow>}, see {@link ConnectionRoutes}); each page of a run goes through it.
 *
 * <p>The file's parameters say what the flow reads and keeps: {@code remoteEntity}, {@code canonicalEntity} (must be
 * the table the flow writes), {@code mapper}, {@code pageSize}, {@code filter} (jq; items for which it is false
 * are skipped) and {@code customFields} (a JSON object of name → jq).
 */
@Component
public class FlowRoutes {

    private final CamelContext camel;
    private final ConnectionRoutes routes;
    private final ObjectMapper json;
    private final SyncProperties properties;

    public FlowRoutes(CamelContext camel, ConnectionRoutes routes, ObjectMapper json, SyncProperties properties) {
        this.camel = camel;
        this.routes = routes;
        this.json = json;
        this.properties = properties;
    }

    /**
     * The connection's flow, its route made (or remade, if its file or the connection changed) first.
     *
     * @throws RouteFileException when its file is missing, does not parse, or its parameters are wrong
     */
    public InboundFlow resolve(Connection connection, InboundFlowSpec spec) {
        return routes.resolve("flow-" + connection.id() + "-" + spec.name(), connection.id(), connection,
                connection.routeFileFor(spec.name()), "pages", (parameters, pages) -> compile(parameters, spec, pages));
    }

    /** Checks a file as a flow's route file (it parses, its parameters are right), making nothing. */
    public void check(String file, InboundFlowSpec spec) {
        routes.check(file, (parameters, pages) -> compile(parameters, spec, pages));
    }

    /** A changed connection may name other files, and a deleted one runs nothing: every route made for it goes. */
    @EventListener
    public void onConnectionChanged(ConnectionChanged change) {
        routes.forget(change.connectionId(), change.deleted());
    }

    private InboundFlow compile(Map<String, String> parameters, InboundFlowSpec spec, String pages) {
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
}
