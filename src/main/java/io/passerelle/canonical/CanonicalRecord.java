package io.passerelle.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Map;

/**
 * One remote record mapped to its canonical columns. {@code fields} are named as the SQL parameters
 * of the entity's insert and update files; {@code parentMatchKey} names the parent for child entities;
 * {@code searchText} is what {@code q} on records matches (see {@link SearchText}); {@code customFields} are what
 * the connection's route file keeps beyond the canonical columns (empty unless it names some). {@code remoteKey}
 * (and the key among the fields) is the ERP's spelling, verbatim: records are matched by {@code matchKey}, but what
 * is stored and sent back is that spelling, and the content hash covers it, so that a change of the spelling alone
 * ("A1" to "A1 ") updates the record it names.
 */
public record CanonicalRecord(
        CanonicalEntity entity,
        String remoteKey,
        String matchKey,
        String looseKey,
        String parentMatchKey,
        Map<String, Object> fields,
        Instant remoteModifiedAt,
        String contentHash,
        String searchText,
        Map<String, JsonNode> customFields) {

    /**
     * Builds a record from what a mapper read: normalises the keys and digests the fields.
     *
     * @param parentRemoteKey the parent's key for child entities (an activity's project), else null
     */
    public static CanonicalRecord of(CanonicalEntity entity, String remoteKey, String parentRemoteKey,
            java.util.Map<String, Object> fields, Instant remoteModifiedAt) {
        String parentMatchKey = parentRemoteKey == null ? null : KeyNormalizer.matchKey(parentRemoteKey);
        String ownKey = KeyNormalizer.matchKey(remoteKey);
        String matchKey = parentMatchKey == null ? ownKey : KeyNormalizer.compositeKey(parentMatchKey, ownKey);
        String looseKey = parentMatchKey == null ? KeyNormalizer.looseKey(remoteKey)
                : KeyNormalizer.compositeKey(parentMatchKey, KeyNormalizer.looseKey(remoteKey));
        String hashKey = parentRemoteKey == null ? remoteKey : KeyNormalizer.compositeKey(parentRemoteKey, remoteKey);
        return new CanonicalRecord(entity, remoteKey, matchKey, looseKey, parentMatchKey, fields, remoteModifiedAt,
                ContentHash.of(hashKey, fields), SearchText.of(entity, parentRemoteKey, fields), Map.of());
    }

    /** The custom fields as a JSON object's text, or null when the connection's route keeps none. */
    public String customFieldsText() {
        if (customFields.isEmpty()) {
            return null;
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.setAll(customFields);
        return object.toString();
    }

    /** The same record with custom fields; they are part of its content, so a change of one alone updates it. */
    public CanonicalRecord withCustomFields(Map<String, JsonNode> custom) {
        Map<String, Object> hashed = new java.util.LinkedHashMap<>(custom);
        return new CanonicalRecord(entity, remoteKey, matchKey, looseKey, parentMatchKey, fields, remoteModifiedAt,
                ContentHash.of(contentHash, hashed), searchText,
                java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(custom)));
    }
}
