package io.passerelle.api;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** {@code passerelle.api.max-body-size}: the largest request body the server reads (413 beyond it). */
@ConfigurationProperties("passerelle.api")
public record ApiRequestProperties(@DefaultValue("5MB") DataSize maxBodySize) {

    public ApiRequestProperties {
        if (maxBodySize.toBytes() < 1) {
            throw new IllegalArgumentException("passerelle.api.max-body-size must be positive, not " + maxBodySize);
        }
    }
}
