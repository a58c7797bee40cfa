package io.passerelle.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Valid connections to start tests from. */
public final class Connections {

    public static final String PASSWORD = "s3cr3t-Pa55word!";

    private Connections() {
    }

    public static Connection valid(String id) {
        Map<String, String> credentials = new LinkedHashMap<>();
        credentials.put("user", "integration");
        credentials.put("password", PASSWORD);
        return new Connection(id, new Company("ACME", "Construction Acme inc."), FakeErpConnector.ERP,
                List.of(new Endpoint("main", "https://acme.example/entity", true)), credentials,
                new LinkedHashMap<>(Map.of("employees", "0 5 * * * ?")), new LinkedHashMap<>(), "alice", false,
                null, null);
    }

    public static Connection withEndpoints(Connection c, List<Endpoint> endpoints) {
        return new Connection(c.id(), c.company(), c.erp(), endpoints, c.credentials(), c.schedules(), c.options(),
                c.owner(), c.allowOthersToEdit(), null, null);
    }

    public static Connection withCredentials(Connection c, Map<String, String> credentials) {
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), credentials, c.schedules(), c.options(),
                c.owner(), c.allowOthersToEdit(), null, null);
    }

    public static Connection withSchedules(Connection c, Map<String, String> schedules) {
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), c.credentials(), schedules, c.options(),
                c.owner(), c.allowOthersToEdit(), null, null);
    }

    public static Connection withOptions(Connection c, Map<String, Object> options) {
        return new Connection(c.id(), c.company(), c.erp(), c.endpoints(), c.credentials(), c.schedules(), options,
                c.owner(), c.allowOthersToEdit(), null, null);
    }

    public static Connection withErp(Connection c, String erp) {
        return new Connection(c.id(), c.company(), erp, c.endpoints(), c.credentials(), c.schedules(), c.options(),
                c.owner(), c.allowOthersToEdit(), null, null);
    }
}
