package io.passerelle.sync;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param pageSize records per page asked of the ERP; memory is bounded by one page in flight and one being written */
@ConfigurationProperties("passerelle.sync")
public record SyncProperties(Integer pageSize) {

    public SyncProperties {
        if (pageSize == null) {
            pageSize = 1000;
        }
        if (pageSize < 1 || pageSize > 5000) {
            throw new IllegalArgumentException("passerelle.sync.page-size must be 1..5000, was " + pageSize);
        }
    }
}
