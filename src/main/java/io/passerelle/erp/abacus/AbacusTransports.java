package io.passerelle.erp.abacus;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.ConnectionTransports;
import io.passerelle.erp.http.ClientCredentialTokens;
import io.passerelle.erp.http.ClientCredentials;
import io.passerelle.erp.http.OAuthClient;
import io.passerelle.erp.http.Refusals;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.erp.http.RestClient;
import io.passerelle.erp.http.RestSession;
import io.passerelle.erp.http.RestTransport;
import io.passerelle.erp.http.RetryPolicy;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * One HTTP route per Abacus connection (its default endpoint, the server), remade when the connection changes, and
 * the sessions over it. The token comes from {@code /oauth/oauth2/v1/token} by client credentials, the id and secret
 * in an HTTP Basic header as Abacus recommends, asking for every scope the flows need.
 */
@Component
public class AbacusTransports extends ConnectionTransports<RestTransport> {

    static final String TOKEN_PATH = "/oauth/oauth2/v1/token";
    static final String DISCOVERY_PATH = "/.well-known/openid-configuration";
    static final Refusals REFUSALS = Refusals.of("Abacus");

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final AbacusProperties properties;
    private final ClientCredentialTokens tokens;
    private final RetryPolicy retry;
    private final RequestBudgets budgets;

    public AbacusTransports(CamelContext camel, ProducerTemplate producer, ObjectMapper mapper, AbacusProperties properties,
            ClientCredentialTokens tokens, RequestBudgets budgets) {
        super("abacus-http", "abacus-probe");
        this.budgets = budgets;
        this.camel = camel;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
        this.tokens = tokens;
        this.retry = RetryPolicy.of(properties.maxAttempts(), properties.maxWait());
    }

    /** A session over the connection's transport, its token shared with the connection's other sessions; not opened. */
    AbacusSession session(Connection connection) {
        return session(connection, forConnection(connection), tokens);
    }

    /** @param tokenCache a connection test passes a cache of its own: it must really ask for a token */
    AbacusSession session(Connection connection, RestTransport transport, ClientCredentialTokens tokenCache) {
        String mandant = AbacusSession.mandant(connection);
        RestClient client = new RestClient(transport, retry, REFUSALS, mapper);
        ClientCredentials credentials = new ClientCredentials(tokenCache, connection.id(), client,
                new OAuthClient(TOKEN_PATH, connection.credential("clientId"), connection.credential("clientSecret"),
                        OAuthClient.ClientAuthentication.BASIC),
                Map.of("scope", AbacusScopes.requested()), properties.tokenMargin());
        return new AbacusSession(new RestSession(client, credentials), credentials, transport.base().toString(), mandant);
    }

    int pageSize() {
        return properties.pageSize();
    }

    @Override
    protected RestTransport open(String routeId, Connection connection, Endpoint endpoint) {
        return RestTransport.open(camel, producer, routeId, endpoint.url(), properties.connectTimeout(),
                properties.responseTimeout(), budgets.of(AbacusModule.ERP, connection, properties.requestsPerMinute()));
    }
}
