package io.passerelle.erp.adminpulse;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.ConnectionTransports;
import io.passerelle.erp.http.BearerApiKey;
import io.passerelle.erp.http.Refusals;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.erp.http.RestClient;
import io.passerelle.erp.http.RestSession;
import io.passerelle.erp.http.RestTransport;
import io.passerelle.erp.http.RetryPolicy;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * One HTTP route per AdminPulse connection, remade when the connection changes, and sessions over it that carry the
 * office's API token as a bearer key. Nothing to sign in to or out of.
 */
@Component
public class AdminPulseTransports extends ConnectionTransports<RestTransport> {

    static final Refusals REFUSALS = Refusals.of("AdminPulse");
    static final String TOKEN = "apiToken";

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final AdminPulseProperties properties;
    private final RetryPolicy retry;
    private final RequestBudgets budgets;

    public AdminPulseTransports(CamelContext camel, ProducerTemplate producer, ObjectMapper mapper,
            AdminPulseProperties properties, RequestBudgets budgets) {
        super("adminpulse-http", "adminpulse-probe");
        this.budgets = budgets;
        this.camel = camel;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
        this.retry = RetryPolicy.of(properties.maxAttempts(), properties.maxWait());
    }

    RestSession session(Connection connection) {
        return session(connection, forConnection(connection));
    }

    RestSession session(Connection connection, RestTransport transport) {
        return new RestSession(new RestClient(transport, retry, REFUSALS, mapper), new BearerApiKey(connection.credential(TOKEN)));
    }

    AdminPulseProperties properties() {
        return properties;
    }

    @Override
    protected RestTransport open(String routeId, Connection connection, Endpoint endpoint) {
        return RestTransport.open(camel, producer, routeId, endpoint.url(), properties.connectTimeout(),
                properties.responseTimeout(), budgets.of(AdminPulseModule.ERP, connection, properties.requestsPerMinute()));
    }
}
