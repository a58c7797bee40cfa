package io.passerelle.erp.acumatica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param connectTimeout        TCP connect limit
 * @param responseTimeout       how long one call may wait for its answer; then its outcome is unknown
 * @param pageSize              {@code $top} of a list call
 * @param maxAttempts           attempts of one call while Acumatica answers 429 or "API Login Limit"
 * @param defaultEndpointVersion the contract version when the connection's options do not name one
 */
@ConfigurationProperties("passerelle.acumatica")
public record AcumaticaProperties(Duration connectTimeout, Duration responseTimeout, Integer pageSize,
        Integer maxAttempts, String defaultEndpointVersion) {

    public AcumaticaProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(10) : connectTimeout;
        responseTimeout = responseTimeout == null ? Duration.ofSeconds(60) : responseTimeout;
        pageSize = pageSize == null ? 500 : Math.max(1, pageSize);
        maxAttempts = maxAttempts == null ? 5 : Math.max(1, maxAttempts);
        defaultEndpointVersion = defaultEndpointVersion == null ? "24.200.001" : defaultEndpointVersion;
    }
}
