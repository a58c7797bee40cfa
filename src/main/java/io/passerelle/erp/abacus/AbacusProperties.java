package io.passerelle.erp.abacus;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param connectTimeout  TCP connect limit
 * @param responseTimeout how long one call may wait for its answer; then a booking's outcome is unknown
 * @param pageSize        entities per page (Abacus serves at most 100): the default {@code pageSize} of the route files
 * @param maxAttempts     answers of one call while Abacus answers 429 or 503
 * @param maxWait         how long one call may wait in all for a busy Abacus before its run fails
 * @param tokenMargin     a token is renewed this long before it expires (Abacus's last 600 s)
 * @param requestsPerMinute calls per minute a connection makes at most (Abacus V2026+: 400 per user; 0: no limit),
 *                        unless its option {@code requestsPerMinute} says otherwise
 */
@ConfigurationProperties("passerelle.abacus")
public record AbacusProperties(Duration connectTimeout, Duration responseTimeout, Integer pageSize, Integer maxAttempts,
        Duration maxWait, Duration tokenMargin, Integer requestsPerMinute) {

    static final int REQUESTS_PER_MINUTE = 400;

    /** What one page of the Entity API holds at most. */
    static final int MAX_PAGE_SIZE = 100;

    public AbacusProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        pageSize = pageSize == null ? MAX_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
        maxAttempts = maxAttempts == null ? 8 : Math.max(1, maxAttempts);
        maxWait = maxWait == null ? Duration.ofMinutes(2) : maxWait;
        tokenMargin = tokenMargin == null ? Duration.ofSeconds(60) : tokenMargin;
        requestsPerMinute = requestsPerMinute == null ? REQUESTS_PER_MINUTE : Math.max(0, requestsPerMinute);
    }
}
