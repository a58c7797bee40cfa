package io.passerelle.erp.acumatica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param connectTimeout         TCP connect limit
 * @param responseTimeout        how long one call may wait for its answer; then its outcome is unknown
 * @param pageSize               {@code $top} of a list call: the default {@code pageSize} of Acumatica's route files
 * @param maxAttempts            answers of one call while Acumatica answers 429, 503 or "API Login Limit"
 * @param defaultEndpointVersion the contract version when the connection's options do not name one
 * @param maxWait                how long one call may wait in all for a busy Acumatica before its run fails
 */
@ConfigurationProperties("passerelle.acumatica")
public record AcumaticaProperties(Duration connectTimeout, Duration responseTimeout, Integer pageSize,
        Integer maxAttempts, String defaultEndpointVersion, Duration maxWait,
        Integer requestsPerMinute) {

    /** Acumatica's per-minute limit is the licence's (it queues what is above it): none by default. */
    static final int REQUESTS_PER_MINUTE = 0;

    public AcumaticaProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        pageSize = pageSize == null ? 500 : Math.max(1, pageSize);
        maxAttempts = maxAttempts == null ? 5 : Math.max(1, maxAttempts);
        defaultEndpointVersion = defaultEndpointVersion == null ? "24.200.001" : defaultEndpointVersion;
        maxWait = maxWait == null ? Duration.ofMinutes(2) : maxWait;
        requestsPerMinute = requestsPerMinute == null ? REQUESTS_PER_MINUTE : Math.max(0, requestsPerMinute);
    }
}
