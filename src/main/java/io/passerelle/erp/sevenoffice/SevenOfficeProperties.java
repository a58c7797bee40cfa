package io.passerelle.erp.sevenoffice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param connectTimeout  TCP connect limit
 * @param responseTimeout how long one call may wait for its answer
 * @param maxAttempts     answers of one call while 24SevenOffice answers 429 or 503
 * @param maxWait         how long one call may wait in all for a busy 24SevenOffice before its run fails
 * @param tokenMargin     a token (a day long) is renewed this long before it expires
 * @param tokenUrl        the token endpoint when the connection's options name none
 */
@ConfigurationProperties("passerelle.twentyfoursevenoffice")
public record SevenOfficeProperties(Duration connectTimeout, Duration responseTimeout, Integer maxAttempts,
        Duration maxWait, Duration tokenMargin, String tokenUrl, Integer requestsPerMinute) {

    /** 24SevenOffice publishes no limit: none by default. */
    static final int REQUESTS_PER_MINUTE = 0;

    /** What one page of a list holds at most; more is a 400. */
    static final int MAX_PAGE_SIZE = 100;

    public SevenOfficeProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        maxAttempts = maxAttempts == null ? 8 : Math.max(1, maxAttempts);
        maxWait = maxWait == null ? Duration.ofMinutes(2) : maxWait;
        tokenMargin = tokenMargin == null ? Duration.ofMinutes(5) : tokenMargin;
        requestsPerMinute = requestsPerMinute == null ? REQUESTS_PER_MINUTE : Math.max(0, requestsPerMinute);
        tokenUrl = tokenUrl == null ? "https://login.24sevenoffice.com/oauth/token" : tokenUrl;
    }
}
