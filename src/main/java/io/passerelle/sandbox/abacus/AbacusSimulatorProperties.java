package io.passerelle.sandbox.abacus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox Abacus server settings, {@code passerelle.sandbox.abacus.*}.
 *
 * @param port                  0 picks a free port; the bound one is published as {@code passerelle.sandbox.abacus.bound-port}
 * @param clientId              the service user's OAuth client id
 * @param mandant               the one mandant served; any other is 404 NotFound
 * @param scopes                the scopes the service user holds, blank-separated; a token gets those it asks for
 * @param tokenTtl              {@code expires_in} of a token (Abacus: 600 s)
 * @param tooManyRequestsEvery  every n-th API call is answered 429 (0: never), as a per-minute quota does
 * @param retryAfter            the Retry-After of those 429s
 * @param tokenCalls            a token serves this many API calls, then is refused as expired (0: no limit)
 * @param delay                 every answer waits this long (0: none), as a slow server's do
 * @param requestsPerMinute     API calls the service user may make in any sliding minute, 429 above (0: no limit),
 *                              as Abacus's 200 or 400 per user
 */
@ConfigurationProperties("passerelle.sandbox.abacus")
public record AbacusSimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue(AbacusSimulatorProperties.DEMO_CLIENT_ID) String clientId,
        @DefaultValue("sandbox-client-secret") String clientSecret,
        @DefaultValue("7777") String mandant,
        @DefaultValue(AbacusSimulatorProperties.ALL_SCOPES) String scopes,
        @DefaultValue("600s") Duration tokenTtl,
        @DefaultValue("0") int tooManyRequestsEvery,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("0") int tokenCalls,
        @DefaultValue("0s") Duration delay,
        @DefaultValue("0") int requestsPerMinute) {

    /** Public on purpose: a demo id for the sandbox only. */
    public static final String DEMO_CLIENT_ID = "passerelle-abaclock";
    public static final String ALL_SCOPES = "abacus.entity.employee.read abacus.entity.project.read "
            + "abacus.entity.projectbase.read abacus.entity.projectbooking.read abacus.entity.projectbooking.readwrite";

    public AbacusSimulatorProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (tooManyRequestsEvery < 0 || tokenCalls < 0 || requestsPerMinute < 0) {
            throw new IllegalArgumentException("tooManyRequestsEvery, tokenCalls and requestsPerMinute must not be negative");
        }
        clientId = clientId == null ? DEMO_CLIENT_ID : clientId;
        clientSecret = clientSecret == null ? "sandbox-client-secret" : clientSecret;
        mandant = mandant == null ? "7777" : mandant;
        scopes = scopes == null ? ALL_SCOPES : scopes;
        tokenTtl = tokenTtl == null ? Duration.ofSeconds(600) : tokenTtl;
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** The packaged defaults, for code that starts a simulator without Spring (tests). */
    public static AbacusSimulatorProperties defaults() {
        return new AbacusSimulatorProperties(true, 0, DEMO_CLIENT_ID, "sandbox-client-secret", "7777", ALL_SCOPES,
                Duration.ofSeconds(600), 0, Duration.ofSeconds(1), 0, Duration.ZERO, 0);
    }

    public AbacusSimulatorProperties withScopes(String held) {
        return new AbacusSimulatorProperties(enabled, port, clientId, clientSecret, mandant, held, tokenTtl,
                tooManyRequestsEvery, retryAfter, tokenCalls, delay, requestsPerMinute);
    }

    public AbacusSimulatorProperties withFaults(int newTooManyRequestsEvery, int newTokenCalls) {
        return new AbacusSimulatorProperties(enabled, port, clientId, clientSecret, mandant, scopes, tokenTtl,
                newTooManyRequestsEvery, retryAfter, newTokenCalls, delay, requestsPerMinute);
    }

    public AbacusSimulatorProperties withRequestsPerMinute(int limit) {
        return new AbacusSimulatorProperties(enabled, port, clientId, clientSecret, mandant, scopes, tokenTtl,
                tooManyRequestsEvery, retryAfter, tokenCalls, delay, limit);
    }

    /** Never prints the client secret. */
    @Override
    public String toString() {
        return "AbacusSimulatorProperties[enabled=" + enabled + ", port=" + port + ", clientId=" + clientId
                + ", clientSecret=****, mandant=" + mandant + ", scopes=" + scopes + ", tokenTtl=" + tokenTtl
                + ", tooManyRequestsEvery=" + tooManyRequestsEvery + ", retryAfter=" + retryAfter + ", tokenCalls="
                + tokenCalls + ", delay=" + delay + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
