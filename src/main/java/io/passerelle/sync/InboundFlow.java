package io.passerelle.sync;

/**
 * One ERP entity pulled into one canonical table. {@code remoteEntity} is the ERP's own name for it
 * (what its source understands); {@code name} is the flow name in schedules and the API.
 */
public record InboundFlow(String name, String remoteEntity, CanonicalEntity entity, RecordMapper mapper) {
}
