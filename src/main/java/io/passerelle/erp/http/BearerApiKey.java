package io.passerelle.erp.http;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A static API key sent as {@code Authorization: Bearer <key>} (AdminPulse). Nothing to sign in to, renew or
 * sign out of: a 401 stands, and says the key is wrong or lacks its scope. Its {@code toString} hides the key.
 */
public final class BearerApiKey implements HttpAuthentication {

    private final Map<String, String> header;

    public BearerApiKey(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the API key is missing");
        }
        this.header = Map.of("Authorization", "Bearer " + key.strip());
    }

    @Override
    public CompletableFuture<Map<String, String>> headers() {
        return CompletableFuture.completedFuture(header);
    }

    @Override
    public String kind() {
        return "api-key";
    }

    @Override
    public String toString() {
        return "BearerApiKey[key hidden]";
    }
}
