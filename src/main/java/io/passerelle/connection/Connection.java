package io.passerelle.connection;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One company's link to one ERP. Credentials are held decrypted only in memory; they are stored
 * encrypted and never leave through the API or the logs.
 */
public record Connection(
        String id,
        Company company,
        String erp,
        List<Endpoint> endpoints,
        Map<String, String> credentials,
        Map<String, String> schedules,
        Map<String, Object> options,
        String owner,
        boolean allowOthersToEdit,
        Instant createdAt,
        Instant updatedAt) {

    public Endpoint defaultEndpoint() {
        return endpoints.stream().filter(Endpoint::isDefault).findFirst()
                .orElseGet(() -> endpoints.get(0));
    }

    /** The named endpoint, or the default one when {@code name} is null or blank. */
    public Optional<Endpoint> endpoint(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of(defaultEndpoint());
        }
        return endpoints.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Ownership ownership() {
        return new Ownership(id, owner, allowOthersToEdit);
    }

    public String credential(String key) {
        return credentials.get(key);
    }

    /** The option in which a connection names, per flow, a route file of its own. */
    public static final String ROUTES_OPTION = "routes";

    /** The route file this connection runs for the flow: its own when it names one, else its ERP's. */
    public String routeFileFor(String flow) {
        return routeFile(flow).orElse(io.passerelle.routes.RouteFiles.flowFile(erp, flow));
    }

    /** The route file this connection runs for the flow instead of its ERP's ({@code options.routes.<flow>}), if any. */
    public java.util.Optional<String> routeFile(String flow) {
        Object routes = options == null ? null : options.get(ROUTES_OPTION);
        if (routes instanceof Map<?, ?> byFlow && byFlow.get(flow) instanceof String file && !file.isBlank()) {
            return java.util.Optional.of(file.strip());
        }
        return java.util.Optional.empty();
    }

    /** Names the credential keys, never their values: a connection logged by accident must not leak a secret. */
    @Override
    public String toString() {
        return "Connection[id=" + id + ", company=" + company + ", erp=" + erp + ", endpoints=" + endpoints
                + ", credentials=" + (credentials == null ? null : credentials.keySet() + " (values hidden)")
                + ", schedules=" + schedules + ", options=" + options + ", owner=" + owner
                + ", allowOthersToEdit=" + allowOthersToEdit + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt
                + "]";
    }
}
