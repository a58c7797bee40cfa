package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.ConnectionTransports;
import io.passerelle.erp.http.CookieSession;
import io.passerelle.erp.http.HttpAuthentication;
import io.passerelle.erp.http.OAuthClient;
import io.passerelle.erp.http.OAuthPasswordGrant;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.erp.http.RestClient;
import io.passerelle.erp.http.RestRequest;
import io.passerelle.erp.http.RestSession;
import io.passerelle.erp.http.RestTransport;
import io.passerelle.erp.http.RetryPolicy;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * One HTTP route per Acumatica connection (its default endpoint), remade when the connection changes, and the
 * sessions over it: cookie sign-in ({@code /entity/auth/login}) by default, OAuth 2.0 password grant
 * ({@code /identity/connect/token}) when the connection carries a clientId; both sign out at
 * {@code /entity/auth/logout}, which gives the licence slot back.
 */
@Component
public class AcumaticaTransports extends ConnectionTransports<RestTransport> {

    static final String TOKEN_PATH = "/identity/connect/token";
    private static final RestRequest SIGN_OUT = new RestRequest("POST", "/entity/auth/logout", null, Map.of(), null);

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final AcumaticaProperties properties;
    private final RetryPolicy retry;
    private final RequestBudgets budgets;

    public AcumaticaTransports(CamelContext camel, ProducerTemplate producer, ObjectMapper mapper, AcumaticaProperties properties,
            RequestBudgets budgets) {
        super("acumatica-http", "acumatica-probe");
        this.budgets = budgets;
        this.camel = camel;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
        this.retry = RetryPolicy.of(properties.maxAttempts(), properties.maxWait()).alsoWaitingOn(AcumaticaErrors::loginLimit);
    }

    /** A new session (not yet signed in) over the connection's transport. */
    public AcumaticaSession session(Connection connection) {
        return session(connection, forConnection(connection));
    }

    public AcumaticaSession session(Connection connection, RestTransport transport) {
        Object version = connection.options().get("endpointVersion");
        RestClient client = new RestClient(transport, retry, AcumaticaErrors.REFUSALS, mapper);
        return new AcumaticaSession(new RestSession(client, authentication(client, connection.credentials())),
                version == null ? properties.defaultEndpointVersion() : version.toString());
    }

    private static HttpAuthentication authentication(RestClient client, Map<String, String> credentials) {
        String clientId = credentials.get("clientId");
        if (clientId != null && !clientId.isBlank()) {
            OAuthClient oauth = new OAuthClient(TOKEN_PATH, clientId, credentials.get("clientSecret"),
                    OAuthClient.ClientAuthentication.FORM);
            return new OAuthPasswordGrant(client, oauth, credentials.get("user"), credentials.get("password"),
                    "api offline_access", SIGN_OUT);
        }
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("name", credentials.get("user"));
        login.put("password", credentials.get("password"));
        login.put("tenant", credentials.get("tenant"));
        if (credentials.get("branch") != null) {
            login.put("branch", credentials.get("branch"));
        }
        return new CookieSession(client, RestRequest.post("/entity/auth/login", "application/json", client.json(login)), SIGN_OUT);
    }

    /** The largest {@code $top} a list asks for: none beyond the route file's own bound on its pageSize. */
    int maxPageSize() {
        return 5000;
    }

    @Override
    protected RestTransport open(String routeId, Connection connection, Endpoint endpoint) {
        return RestTransport.open(camel, producer, routeId, endpoint.url(), properties.connectTimeout(),
                properties.responseTimeout(), budgets.of(AcumaticaModule.ERP, connection, properties.requestsPerMinute()));
    }
}
