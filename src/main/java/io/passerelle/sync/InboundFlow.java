package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.RecordMapper;

/**
 * One inbound flow of one connection, as its route file makes it: the ERP's own name for what it reads
 * ({@code remoteEntity}, what the source understands), the canonical table it writes, the mapper, the page size
 * asked of the ERP, which items to skip and which custom fields to keep. {@code pages} is the Camel endpoint each
 * page goes through to be mapped (the flow's route), or null to map in the caller (engine unit tests). {@code key},
 * when not null, asks the ERP for the one record a user knows by that key (a company's number): a refresh.
 * {@code project}, when not null, asks for that project's records alone (an Avantage project's activities, see
 * {@link InboundSource#refusesProject}), as the ERP spells its number.
 */
public record InboundFlow(String name, String remoteEntity, CanonicalEntity entity, RecordMapper mapper, int pageSize,
        ItemFilter filter, CustomFields customFields, String pages, String key, String project) {

    static final int DEFAULT_PAGE_SIZE = 1000;

    public InboundFlow(String name, String remoteEntity, CanonicalEntity entity, RecordMapper mapper, int pageSize,
            ItemFilter filter, CustomFields customFields, String pages) {
        this(name, remoteEntity, entity, mapper, pageSize, filter, customFields, pages, null, null);
    }

    public InboundFlow(String name, String remoteEntity, CanonicalEntity entity, RecordMapper mapper, int pageSize,
            ItemFilter filter, CustomFields customFields, String pages, String key) {
        this(name, remoteEntity, entity, mapper, pageSize, filter, customFields, pages, key, null);
    }

    /** A flow with no route: every item, no custom fields, the default page size. */
    public InboundFlow(String name, String remoteEntity, CanonicalEntity entity, RecordMapper mapper) {
        this(name, remoteEntity, entity, mapper, DEFAULT_PAGE_SIZE, ItemFilter.ALL, CustomFields.NONE, null);
    }

    /** The same flow asking only for the record known by {@code key}. */
    public InboundFlow withKey(String refreshKey) {
        return new InboundFlow(name, remoteEntity, entity, mapper, pageSize, filter, customFields, pages, refreshKey,
                project);
    }

    /** The same flow asking only for the records of the project numbered {@code projectNumber}. */
    public InboundFlow withProject(String projectNumber) {
        return new InboundFlow(name, remoteEntity, entity, mapper, pageSize, filter, customFields, pages, key,
                projectNumber);
    }
}
