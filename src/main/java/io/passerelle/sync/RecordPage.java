package io.passerelle.sync;

import java.util.List;
import java.util.Map;

/** A page of synced records; {@code next} is the opaque value for {@code after}, null at the end. */
public record RecordPage(List<Map<String, Object>> items, String next) {
}
