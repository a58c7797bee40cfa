package io.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Values a connection keeps with each record beyond the canonical columns, read from the item as the ERP sent it. */
@FunctionalInterface
public interface CustomFields {

    CustomFields NONE = item -> Map.of();

    /** @throws MappingException naming the custom field when its rule cannot be evaluated on this item */
    Map<String, JsonNode> of(JsonNode item);
}
