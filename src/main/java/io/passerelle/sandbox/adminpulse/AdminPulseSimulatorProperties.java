package io.passerelle.sandbox.adminpulse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox AdminPulse server settings, {@code passerelle.sandbox.adminpulse.*}.
 *
 * @param port                 0 picks a free port; the bound one is published as
 *                             {@code passerelle.sandbox.adminpulse.bound-port}
 * @param apiToken             an API key with the "Read relations" scope
 * @param noScopeToken         an API key that is valid but lacks that scope: its calls are answered 403
 * @param tooManyRequestsEvery every n-th call is answered 429 (0: never), as the limit of 480 calls a minute does
 * @param retryAfter           the Retry-After of those 429s
 * @param delay                every answer waits this long (0: none), as a slow server's do
 * @param requestsPerMinute    calls an API key may make in any sliding minute, 429 above (0: no limit; AdminPulse: 480)
 */
@ConfigurationProperties("passerelle.sandbox.adminpulse")
public record AdminPulseSimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue(AdminPulseSimulatorProperties.DEMO_API_TOKEN) String apiToken,
        @DefaultValue(AdminPulseSimulatorProperties.DEMO_NO_SCOPE_TOKEN) String noScopeToken,
        @DefaultValue("0") int tooManyRequestsEvery,
        @DefaultValue("1s") Duration retryAfter,
        @DefaultValue("0s") Duration delay,
        @DefaultValue("0") int requestsPerMinute) {

    /** Public on purpose: demo keys for the sandbox only. */
    public static final String DEMO_API_TOKEN = "sandbox-adminpulse-token";
    public static final String DEMO_NO_SCOPE_TOKEN = "sandbox-adminpulse-no-scope";

    public AdminPulseSimulatorProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (tooManyRequestsEvery < 0 || requestsPerMinute < 0) {
            throw new IllegalArgumentException("tooManyRequestsEvery and requestsPerMinute must not be negative");
        }
        apiToken = apiToken == null ? DEMO_API_TOKEN : apiToken;
        noScopeToken = noScopeToken == null ? DEMO_NO_SCOPE_TOKEN : noScopeToken;
        if (apiToken.isBlank() || apiToken.equals(noScopeToken)) {
            throw new IllegalArgumentException("apiToken must be set and differ from noScopeToken");
        }
        retryAfter = retryAfter == null ? Duration.ofSeconds(1) : retryAfter;
        delay = delay == null ? Duration.ZERO : delay;
    }

    /** The packaged defaults, for code that starts a simulator without Spring (tests). */
    public static AdminPulseSimulatorProperties defaults() {
        return new AdminPulseSimulatorProperties(true, 0, DEMO_API_TOKEN, DEMO_NO_SCOPE_TOKEN, 0, Duration.ofSeconds(1),
                Duration.ZERO, 0);
    }

    public AdminPulseSimulatorProperties withTooManyRequestsEvery(int n, Duration newRetryAfter) {
        return new AdminPulseSimulatorProperties(enabled, port, apiToken, noScopeToken, n, newRetryAfter, delay,
                requestsPerMinute);
    }

    /** Never prints the keys. */
    @Override
    public String toString() {
        return "AdminPulseSimulatorProperties[enabled=" + enabled + ", port=" + port + ", apiToken=****, noScopeToken=****"
                + ", tooManyRequestsEvery=" + tooManyRequestsEvery + ", retryAfter=" + retryAfter + ", delay=" + delay
                + ", requestsPerMinute=" + requestsPerMinute + "]";
    }
}
