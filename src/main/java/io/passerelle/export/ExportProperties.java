package io.passerelle.export;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param pageSize       candidates read from the platform at a time (memory is bounded by it)
 * @param batchesInFlight batches sent before the first answer is awaited (pipelining)
 */
@ConfigurationProperties("passerelle.export")
public record ExportProperties(Integer pageSize, Integer batchesInFlight) {

    public ExportProperties {
        pageSize = pageSize == null ? 5000 : Math.max(1, pageSize);
        batchesInFlight = batchesInFlight == null ? 4 : Math.max(1, batchesInFlight);
    }
}
