package io.passerelle.erp.avantage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param connectTimeout  how long a TCP connect may take
 * @param requestTimeout  how long one request may wait for its answer; then its outcome is unknown
 * @param greetingTimeout how long after connect the server has to greet us
 * @param maxInFlight     requests pipelined on one connection (the protocol allows 64)
 * @param busyMaxAttempts attempts of one request while the server answers BUSY
 */
@ConfigurationProperties("passerelle.avantage")
public record AvantageProperties(
        Duration connectTimeout, Duration requestTimeout, Duration greetingTimeout, Integer maxInFlight,
        Integer busyMaxAttempts) {

    public AvantageProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(5) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        greetingTimeout = greetingTimeout == null ? Duration.ofSeconds(5) : greetingTimeout;
        maxInFlight = maxInFlight == null ? 64 : Math.max(1, Math.min(64, maxInFlight));
        busyMaxAttempts = busyMaxAttempts == null ? 5 : Math.max(1, busyMaxAttempts);
    }
}
