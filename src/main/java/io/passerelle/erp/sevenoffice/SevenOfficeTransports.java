package io.passerelle.erp.sevenoffice;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.connection.Connection;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.ConnectionTransports;
import io.passerelle.erp.http.ClientCredentialTokens;
import io.passerelle.erp.http.ClientCredentials;
import io.passerelle.erp.http.OAuthClient;
import io.passerelle.erp.http.Refusals;
import io.passerelle.erp.http.RestClient;
import io.passerelle.erp.http.RestSession;
import io.passerelle.erp.http.RestTransport;
import io.passerelle.erp.http.RetryPolicy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * The routes of a 24SevenOffice connection: one to its API (the default endpoint) and one to its token endpoint,
 * another host ({@code options.tokenUrl}); both remade when the connection changes. A token is valid for one
 * organization: each organization of the connection has its own, asked with {@code login_organization}.
 */
@Component
public class SevenOfficeTransports extends ConnectionTransports<RestTransport> {

    static final Refusals REFUSALS = Refusals.of("24SevenOffice");
    static final String AUDIENCE = "https://api.24sevenoffice.com";
    static final String TOKEN_URL_OPTION = "tokenUrl";

    private final CamelContext camel;
    private final ProducerTemplate producer;
    private final ObjectMapper mapper;
    private final SevenOfficeProperties properties;
    private final ClientCredentialTokens tokens;
    private final RetryPolicy retry;
    private final TokenHosts tokenHosts;

    public SevenOfficeTransports(CamelContext camel, ProducerTemplate producer, ObjectMapper mapper,
            SevenOfficeProperties properties, ClientCredentialTokens tokens) {
        super("sevenoffice-http", "sevenoffice-probe");
        this.camel = camel;
        this.producer = producer;
        this.mapper = mapper;
        this.properties = properties;
        this.tokens = tokens;
        this.retry = RetryPolicy.of(properties.maxAttempts(), properties.maxWait());
        this.tokenHosts = new TokenHosts();
    }

    /** A session with {@code organization} over the connection's API transport; its token shared with its other sessions. */
    RestSession session(Connection connection, long organization) {
        return session(connection, forConnection(connection), tokenHosts.forConnection(connection), tokens, organization);
    }

    /**
     * @param tokenCache a connection test passes a cache of its own: it must really ask for each token
     */
    RestSession session(Connection connection, RestTransport api, RestTransport tokenHost, ClientCredentialTokens tokenCache,
            long organization) {
        RestClient client = new RestClient(api, retry, REFUSALS, mapper);
        RestClient tokenClient = new RestClient(tokenHost, retry, REFUSALS, mapper);
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("audience", AUDIENCE);
        fields.put("login_organization", String.valueOf(organization));
        ClientCredentials credentials = new ClientCredentials(tokenCache, connection.id(), tokenClient,
                new OAuthClient(tokenPath(connection), connection.credential("clientId"), connection.credential("clientSecret"),
                        OAuthClient.ClientAuthentication.FORM), fields, properties.tokenMargin());
        return new RestSession(client, credentials);
    }

    /** A token host of its own for a test; the caller closes it. */
    RestTransport probeTokenHost(Connection connection) {
        return tokenHosts.probe(connection, connection.defaultEndpoint());
    }

    /** {@code options.tokenUrl}, else the configured one. */
    String tokenUrl(Connection connection) {
        Object url = connection.options() == null ? null : connection.options().get(TOKEN_URL_OPTION);
        return url == null || url.toString().isBlank() ? properties.tokenUrl() : url.toString().strip();
    }

    private String tokenPath(Connection connection) {
        String path = URI.create(tokenUrl(connection)).getRawPath();
        return path == null || path.isEmpty() ? "/oauth/token" : path;
    }

    @Override
    protected RestTransport open(String routeId, Connection connection, Endpoint endpoint) {
        return RestTransport.open(camel, producer, routeId, endpoint.url(), properties.connectTimeout(),
                properties.responseTimeout());
    }

    /** The token endpoint's host, one route per connection: {@code scheme://host[:port]} of its token URL. */
    private final class TokenHosts extends ConnectionTransports<RestTransport> {

        TokenHosts() {
            super("sevenoffice-token", "sevenoffice-token-probe");
        }

        @Override
        protected RestTransport open(String routeId, Connection connection, Endpoint ignored) {
            URI token = URI.create(tokenUrl(connection));
            String origin = token.getScheme() + "://" + token.getRawAuthority();
            return RestTransport.open(camel, producer, routeId, origin, properties.connectTimeout(),
                    properties.responseTimeout());
        }
    }

    @Override
    public void onConnectionChanged(io.passerelle.connection.ConnectionChanged change) {
        super.onConnectionChanged(change);
        tokenHosts.onConnectionChanged(change);
    }
}
