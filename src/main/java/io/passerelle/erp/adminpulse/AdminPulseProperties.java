package io.passerelle.erp.adminpulse;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param connectTimeout  TCP connect limit
 * @param responseTimeout how long one call may wait for its answer
 * @param pageSize        relations per page (AdminPulse serves at most 400): the default of the route file
 * @param maxAttempts     answers of one call while AdminPulse answers 429 (above 480 calls a minute) or 503
 * @param maxWait         how long one call may wait in all for a busy AdminPulse before its run fails
 */
@ConfigurationProperties("passerelle.adminpulse")
public record AdminPulseProperties(Duration connectTimeout, Duration responseTimeout, Integer pageSize,
        Integer maxAttempts, Duration maxWait, Integer requestsPerMinute) {

    /** AdminPulse answers 429 above 480 calls a minute. */
    static final int REQUESTS_PER_MINUTE = 480;

    /** What one page of /relations holds at most; more is a 400. */
    static final int MAX_PAGE_SIZE = 400;

    public AdminPulseProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        pageSize = pageSize == null ? MAX_PAGE_SIZE : Math.max(1, Math.min(MAX_PAGE_SIZE, pageSize));
        maxAttempts = maxAttempts == null ? 8 : Math.max(1, maxAttempts);
        maxWait = maxWait == null ? Duration.ofMinutes(2) : maxWait;
        requestsPerMinute = requestsPerMinute == null ? REQUESTS_PER_MINUTE : Math.max(0, requestsPerMinute);
    }
}
