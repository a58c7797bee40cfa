package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.RecordMapper;

/**
 * One inbound flow as an ERP module declares it: its name (in the API, in schedules, and as its route file
 * {@code routes/<erp>/<name>.camel.yaml}), the canonical table it writes and the mapper its route file names by
 * default. What it reads and how (remote entity, page size, filter, custom fields) is the route file's.
 */
public record InboundFlowSpec(String name, CanonicalEntity entity, RecordMapper mapper) {
}
