package io.passerelle.sandbox.sevenoffice;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox 24SevenOffice server settings, {@code passerelle.sandbox.twentyfoursevenoffice.*} (a property name, like a
 * Java package, reads best without a leading digit).
 *
 * @param port                 0 picks a free port; the bound one is published as
 *                             {@code passerelle.sandbox.twentyfoursevenoffice.bound-port}
 * @param clients              the applications (client id and secret) and the organizations each is connected to,
 *                             with the scopes it holds; none: {@link #DEFAULT_CLIENTS}
 * @param tokenTtl             {@code expires_in} of a token (Auth0's default, 86400 s)
 * @param tooManyRequestsEvery every n-th API call is answered 429 (0: never), as a rate limit does
 * @param retryAfter           the Retry-After of those 429s
 * @param delay                every answer waits this long (0: none), as a slow server's do
 */
@ConfigurationProperties("passerelle.sandbox.twentyfoursevenoffice")
public record SevenOfficeSimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0") int port,
        List<Client> clients,
        @DefaultValue("86400s") Duration tokenTtl,
        @DefaultValue("0") int tooManyRequestsEvery,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("0s") Duration delay) {

    public static final String CUSTOMER_READ = "api.crm.customer:read";
    public static final String ORGANIZATION_READ = "api.organization.information:read";
    public static final String ALL_SCOPES = CUSTOMER_READ + " " + ORGANIZATION_READ;

    /** Public on purpose: demo credentials for the sandbox only. Client A is connected to both organizations. */
    public static final String CLIENT_A = "sandbox-24so-client-a";
    public static final String SECRET_A = "sandbox-24so-secret-a";
    /** Client B, a second user's application, is connected to 4711 only: the same company as A's 4711. */
    public static final String CLIENT_B = "sandbox-24so-client-b";
    public static final String SECRET_B = "sandbox-24so-secret-b";
    /** Client C is connected to 4711 but may read its organization information only, not its customers. */
    public static final String CLIENT_C = "sandbox-24so-client-c";
    public static final String SECRET_C = "sandbox-24so-secret-c";

    public static final List<Client> DEFAULT_CLIENTS = List.of(
            new Client(CLIENT_A, SECRET_A, List.of(4711L, 4712L), ALL_SCOPES),
            new Client(CLIENT_B, SECRET_B, List.of(4711L), ALL_SCOPES),
            new Client(CLIENT_C, SECRET_C, List.of(4711L), ORGANIZATION_READ));

    /**
     * An application as 24SevenOffice's Developer Admin Panel holds it, and where its Integrations Admin Panel has
     * connected it.
     *
     * @param organizations the organization ids ({@code login_organization}) it may obtain tokens for
     * @param scopes        blank-separated; a token gets those it asks for, or all when it asks for none
     */
    public record Client(String clientId, String clientSecret, List<Long> organizations, String scopes) {

        public Client {
            if (clientId == null || clientId.isBlank() || clientSecret == null || clientSecret.isBlank()) {
                throw new IllegalArgumentException("a client needs a client id and a secret");
            }
            if (organizations == null || organizations.isEmpty()) {
                throw new IllegalArgumentException("the client " + clientId + " is connected to no organization");
            }
            organizations = List.copyOf(organizations);
            scopes = scopes == null ? ALL_SCOPES : scopes.trim();
        }

        /** Never prints the secret. */
        @Override
        public String toString() {
            return "Client[clientId=" + clientId + ", clientSecret=****, organizations=" + organizations + ", scopes="
                    + scopes + "]";
        }
    }

    public SevenOfficeSimulatorProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (tooManyRequestsEvery < 0) {
            throw new IllegalArgumentException("tooManyRequestsEvery must not be negative");
        }
        clients = clients == null || clients.isEmpty() ? DEFAULT_CLIENTS : List.copyOf(clients);
        Set<String> ids = new HashSet<>();
        for (Client c : clients) {
            if (!ids.add(c.clientId())) {
                throw new IllegalArgumentException("the client id " + c.clientId() + " is given twice");
            }
        }
        tokenTtl = tokenTtl == null ? Duration.ofSeconds(86_400) : tokenTtl;
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtl must be positive");
        }
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** The packaged defaults, for code that starts a simulator without Spring (tests). */
    public static SevenOfficeSimulatorProperties defaults() {
        return new SevenOfficeSimulatorProperties(true, 0, DEFAULT_CLIENTS, Duration.ofSeconds(86_400), 0,
                Duration.ofSeconds(1), Duration.ZERO);
    }

    public SevenOfficeSimulatorProperties withClients(List<Client> newClients) {
        return new SevenOfficeSimulatorProperties(enabled, port, newClients, tokenTtl, tooManyRequestsEvery,
                retryAfter, delay);
    }

    public SevenOfficeSimulatorProperties withTooManyRequestsEvery(int n, Duration newRetryAfter) {
        return new SevenOfficeSimulatorProperties(enabled, port, clients, tokenTtl, n, newRetryAfter, delay);
    }

    /** The client with this id, or null. */
    public Client client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst().orElse(null);
    }

    /** Never prints the secrets (each {@link Client} hides its own). */
    @Override
    public String toString() {
        return "SevenOfficeSimulatorProperties[enabled=" + enabled + ", port=" + port + ", clients=" + clients
                + ", tokenTtl=" + tokenTtl + ", tooManyRequestsEvery=" + tooManyRequestsEvery + ", retryAfter="
                + retryAfter + ", delay=" + delay + "]";
    }
}
