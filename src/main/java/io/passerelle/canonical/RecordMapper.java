package io.passerelle.canonical;

import com.fasterxml.jackson.databind.JsonNode;

/** Maps one remote item to its canonical record. Plain Java, no Camel: unit-tested on its own. */
@FunctionalInterface
public interface RecordMapper {

    /** @throws MappingException naming the field when the item cannot be mapped */
    CanonicalRecord map(JsonNode item);
}
