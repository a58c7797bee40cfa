package io.passerelle.connection;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A stand-in ERP for tests of the ERP-neutral parts: Acumatica-like (https, user/password/tenant), under
 * a name of its own that no module serves, so the two never clash.
 */
public class FakeErpConnector implements ErpConnector {

    public static final String ERP = "fake-erp";

    @Override
    public String erp() {
        return ERP;
    }

    @Override
    public List<String> inboundFlows() {
        return List.of("projects", "employees", "vendors");
    }

    @Override
    public List<String> outboundFlows() {
        return List.of("commitments");
    }

    @Override
    public List<CredentialKey> credentials() {
        return List.of(CredentialKey.required("user", "who signs in", false),
                CredentialKey.required("password", "their password", true),
                CredentialKey.optional("tenant", "which tenant", false));
    }

    @Override
    public Set<String> endpointSchemes() {
        return Set.of("https");
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        boolean ok = endpoint.url().contains("reachable");
        return new ConnectionTestResult(ok, endpoint.name(), ok ? "reached, logged in" : "refused",
                Map.of("user", connection.credential("user")));
    }
}
