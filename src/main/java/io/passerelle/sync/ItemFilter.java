package io.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;

/** Which remote items a flow keeps, judged on the item as the ERP sent it; the others are counted as skipped. */
@FunctionalInterface
public interface ItemFilter {

    ItemFilter ALL = item -> true;

    /** @throws MappingException when the rule cannot be evaluated on this item */
    boolean keeps(JsonNode item);
}
