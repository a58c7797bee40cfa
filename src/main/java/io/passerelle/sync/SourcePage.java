package io.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * One page of remote items. {@code next} continues the walk (null at the end); {@code watermark} is
 * the latest modification instant among the items, null when none carried one.
 */
public record SourcePage(List<JsonNode> items, String next, Instant watermark) {
}
