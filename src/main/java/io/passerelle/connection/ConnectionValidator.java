package io.passerelle.connection;

import io.passerelle.request.TypeProblems;
import io.passerelle.routes.RouteFileCheck;
import io.passerelle.routes.RouteFileException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * Checks a connection before it is stored and names every problem at once (a client fixing one field at a
 * time through round trips is the thing to avoid). Plain Java: the ERP specifics come from its connector.
 */
@Component
public class ConnectionValidator {

    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_ENDPOINT_NAME = 64;
    private static final int MAX_URL = 1024;
    private static final int MAX_COMPANY_CODE = 64;
    private static final int MAX_COMPANY_NAME = 255;
    private static final int MAX_OWNER = 128;

    private final ErpConnectors connectors;
    private final RouteFileCheck routeFiles;

    public ConnectionValidator(ErpConnectors connectors, RouteFileCheck routeFiles) {
        this.connectors = connectors;
        this.routeFiles = routeFiles;
    }

    /**
     * Throws {@link InvalidConnectionException} naming every problem, after the request body's type errors
     * ({@link TypeProblems}); returns quietly when there is none.
     */
    public void check(Connection connection) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean unsupportedErp = checkErp(connection.erp(), problems);
        checkId(connection.id(), problems);
        checkCompany(connection.company(), problems);
        Optional<ErpConnector> connector = connectors.find(connection.erp());
        checkEndpoints(connection.endpoints(), connector, problems);
        connector.ifPresent(c -> checkCredentials(connection.credentials(), c, problems));
        checkSchedules(connection.schedules(), connector, problems);
        connector.ifPresent(c -> checkOptions(connection.options(), c, problems));
        checkRouteFiles(connection.options(), connector, problems);
        checkLength("owner", connection.owner(), MAX_OWNER, problems);
        List<FieldProblem> all = TypeProblems.merge(problems);
        if (!all.isEmpty()) {
            // 422 only when the request is otherwise fine: a bad request is fixed by the client, not by a new build
            throw new InvalidConnectionException(all, unsupportedErp && problems.size() == 1 && all.size() == 1);
        }
    }

    private void checkId(String id, List<FieldProblem> problems) {
        if (isBlank(id)) {
            problems.add(new FieldProblem("id", "required"));
        } else if (!ID.matcher(id).matches()) {
            problems.add(new FieldProblem("id",
                    "must be 1 to 64 lower-case letters, digits or '-', starting with a letter or digit"));
        }
    }

    private void checkCompany(Company company, List<FieldProblem> problems) {
        if (company == null) {
            problems.add(new FieldProblem("company", "required"));
            return;
        }
        if (isBlank(company.code())) {
            problems.add(new FieldProblem("company.code", "required"));
        }
        checkLength("company.code", company.code(), MAX_COMPANY_CODE, problems);
        if (isBlank(company.name())) {
            problems.add(new FieldProblem("company.name", "required"));
        }
        checkLength("company.name", company.name(), MAX_COMPANY_NAME, problems);
    }

    /** Answers whether the ERP is a known one this build has no connector for. */
    private boolean checkErp(String erp, List<FieldProblem> problems) {
        if (isBlank(erp)) {
            problems.add(new FieldProblem("erp", "required"));
            return false;
        }
        // a build may serve an ERP of its own (a test's stand-in) besides the ones the contract names
        if (!KnownErps.isKnown(erp) && connectors.find(erp).isEmpty()) {
            problems.add(new FieldProblem("erp", "must be one of " + String.join(", ", KnownErps.ALL)));
            return false;
        }
        if (connectors.find(erp).isEmpty()) {
            problems.add(new FieldProblem("erp", ErpNotSupportedException.notSupportedMessage(erp)));
            return true;
        }
        return false;
    }

    private void checkEndpoints(List<Endpoint> endpoints, Optional<ErpConnector> connector, List<FieldProblem> problems) {
        if (endpoints == null || endpoints.isEmpty()) {
            problems.add(new FieldProblem("endpoints", "at least one endpoint is required"));
            return;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < endpoints.size(); i++) {
            Endpoint endpoint = endpoints.get(i);
            String at = "endpoints[" + i + "]";
            if (isBlank(endpoint.name())) {
                problems.add(new FieldProblem(at + ".name", "required"));
            } else if (!names.add(endpoint.name())) {
                problems.add(new FieldProblem(at + ".name", "another endpoint is already named '" + endpoint.name() + "'"));
            }
            checkLength(at + ".name", endpoint.name(), MAX_ENDPOINT_NAME, problems);
            checkUrl(at + ".url", endpoint.url(), connector, problems);
        }
        long defaults = endpoints.stream().filter(Endpoint::isDefault).count();
        if (defaults > 1 || (defaults == 0 && endpoints.size() > 1)) {
            problems.add(new FieldProblem("endpoints",
                    "exactly one endpoint must be the default; " + defaults + " are marked \"default\": true"));
        }
    }

    private void checkUrl(String field, String url, Optional<ErpConnector> connector, List<FieldProblem> problems) {
        if (isBlank(url)) {
            problems.add(new FieldProblem(field, "required"));
            return;
        }
        checkLength(field, url, MAX_URL, problems);
        String scheme;
        try {
            scheme = new URI(url).getScheme();
        } catch (URISyntaxException e) {
            problems.add(new FieldProblem(field, "not a valid URL"));
            return;
        }
        if (scheme == null) {
            problems.add(new FieldProblem(field, "not a URL: no scheme (e.g. tcp://host:port)"));
            return;
        }
        connector.ifPresent(c -> {
            if (!c.endpointSchemes().contains(scheme.toLowerCase())) {
                problems.add(new FieldProblem(field, "scheme '" + scheme + "' is not one of "
                        + String.join(", ", new TreeSet<>(c.endpointSchemes())) + " for " + c.erp()));
            }
        });
    }

    private void checkCredentials(Map<String, String> credentials, ErpConnector connector, List<FieldProblem> problems) {
        for (String key : new TreeSet<>(connector.requiredCredentials())) {
            if (isBlank(credentials.get(key))) {
                problems.add(new FieldProblem("credentials." + key, "required for " + connector.erp()));
            }
        }
        Set<String> allowed = new LinkedHashSet<>(connector.requiredCredentials());
        allowed.addAll(connector.optionalCredentials());
        credentials.forEach((key, value) -> {
            if (!allowed.contains(key)) {
                problems.add(new FieldProblem("credentials." + key, "not a credential of " + connector.erp()
                        + "; expected " + String.join(", ", new TreeSet<>(allowed))));
            } else if (CredentialMerger.REDACTED.equals(value)) {
                problems.add(new FieldProblem("credentials." + key,
                        "\"****\" stands for a stored value and there is none: give the value"));
            }
        });
    }

    private void checkSchedules(Map<String, String> schedules, Optional<ErpConnector> connector, List<FieldProblem> problems) {
        if (schedules == null) {
            return;
        }
        schedules.forEach((flow, cron) -> {
            String field = "schedules." + flow;
            connector.ifPresent(c -> {
                List<String> flows = new ArrayList<>(c.inboundFlows());
                flows.addAll(c.outboundFlows());
                if (!flows.contains(flow)) {
                    problems.add(new FieldProblem(field, "not a flow of " + c.erp() + "; flows: " + String.join(", ", flows)));
                }
            });
            if (Schedules.cron(cron).isEmpty()) {
                problems.add(new FieldProblem(field, "not a schedule: " + (cron == null ? "null" : "'" + cron + "'")
                        + "; give " + Schedules.FORMS));
            }
        });
    }

    /**
     * The ERP's required options are there and not blank, and those given have the form the ERP expects. A value
     * is compared as text: {@code "mandant": 7777} and {@code "mandant": "7777"} are the same mandant, and a list as
     * {@code [4711, 4712]}.
     */
    private static void checkOptions(Map<String, Object> options, ErpConnector connector, List<FieldProblem> problems) {
        for (ErpOption option : connector.options()) {
            Object value = options == null ? null : options.get(option.name());
            String field = "options." + option.name();
            if (value == null || (value instanceof String text && text.isBlank())) {
                if (option.required()) {
                    problems.add(new FieldProblem(field, "required"));
                }
                continue;
            }
            if (option.pattern() == null) {
                continue;
            }
            String text = text(value);
            if (text == null || !option.matches(text)) {
                problems.add(new FieldProblem(field, "must be " + option.patternDescription()));
            }
        }
    }

    /** A text, number or boolean as its text; a list of them as {@code [a, b]}; null for anything else. */
    private static String text(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof List<?> list && list.stream().allMatch(item -> item instanceof String || item instanceof Number)) {
            return list.stream().map(Object::toString).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        return null;
    }

    /**
     * {@code options.routes}: per flow, a route file below the routes folder that the connection runs instead
     * of its ERP's. The file must exist and parse now; a broken edit later is refused by the reload and the flow
     * goes on with the version that worked.
     */
    private void checkRouteFiles(Map<String, Object> options, Optional<ErpConnector> connector, List<FieldProblem> problems) {
        Object routes = options == null ? null : options.get(Connection.ROUTES_OPTION);
        if (routes == null) {
            return;
        }
        if (!(routes instanceof Map<?, ?> byFlow)) {
            problems.add(new FieldProblem("options." + Connection.ROUTES_OPTION,
                    "must be an object of flow → route file, e.g. {\"vendors\": \"custom/acme-vendors.camel.yaml\"}"));
            return;
        }
        byFlow.forEach((flow, file) -> {
            String field = "options." + Connection.ROUTES_OPTION + "." + flow;
            connector.ifPresent(c -> {
                List<String> flows = new ArrayList<>(c.inboundFlows());
                flows.addAll(c.outboundFlows());
                if (!flows.contains(String.valueOf(flow))) {
                    problems.add(new FieldProblem(field, "not a flow of " + c.erp() + "; flows: " + String.join(", ", flows)));
                }
            });
            if (!(file instanceof String name) || name.isBlank()) {
                problems.add(new FieldProblem(field, "must name a route file, e.g. custom/acme-vendors.camel.yaml"));
                return;
            }
            try {
                routeFiles.check(name.strip());
            } catch (RouteFileException e) {
                problems.add(new FieldProblem(field, e.getMessage()));
            }
        });
    }

    private static void checkLength(String field, String value, int max, List<FieldProblem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new FieldProblem(field, "at most " + max + " characters"));
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
