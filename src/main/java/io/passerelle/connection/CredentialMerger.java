package io.passerelle.connection;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Works out the credentials to store from what a client sent. Clients only ever see {@code "****"} for a
 * secret, so on update {@code "****"} (or a key left out) means "keep the stored value", and an empty value
 * removes the key. This lets a client PUT back exactly what it got.
 */
public final class CredentialMerger {

    public static final String REDACTED = "****";

    private CredentialMerger() {
    }

    /**
     * @param erpChanged when the connection moves to another ERP, keys left out are dropped rather than kept,
     *                   since the old ERP's keys mean nothing to the new one
     */
    public static Map<String, String> merge(Map<String, String> stored, Map<String, String> sent, boolean erpChanged) {
        Map<String, String> merged = erpChanged ? new LinkedHashMap<>() : new LinkedHashMap<>(stored);
        sent.forEach((key, value) -> {
            if (REDACTED.equals(value)) {
                if (stored.containsKey(key)) {
                    merged.put(key, stored.get(key));
                } else {
                    // nothing stored to keep: leave the placeholder so validation names the key
                    merged.put(key, value);
                }
            } else if (value == null || value.isEmpty()) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }
}
