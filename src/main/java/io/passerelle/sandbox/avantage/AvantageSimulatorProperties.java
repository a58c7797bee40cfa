package io.passerelle.sandbox.avantage;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox Avantage server settings, {@code passerelle.sandbox.avantage.*}.
 *
 * @param port          0 picks a free port; the bound one is published as {@code passerelle.sandbox.avantage.bound-port}
 * @param encryptionKey base64 of 32 bytes; blank serves {@code ENC=NONE}
 * @param seed          same seed and sizes give the same company, record for record
 */
@ConfigurationProperties("passerelle.sandbox.avantage")
public record AvantageSimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue("integration") String user,
        @DefaultValue("sandbox") String password,
        @DefaultValue(AvantageSimulatorProperties.DEMO_ENCRYPTION_KEY) String encryptionKey,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("20240101") long seed,
        @DefaultValue DatasetSizes sizes) {

    /** Public on purpose: a demo key for the sandbox only, shipped in connections-sandbox.yaml too. */
    public static final String DEMO_ENCRYPTION_KEY = "cGFzc2VyZWxsZS1zYW5kYm94LWF2YW50YWdlLWRlbW8=";

    public AvantageSimulatorProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        user = user == null ? "integration" : user;
        password = password == null ? "sandbox" : password;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
        sizes = sizes == null ? DatasetSizes.defaults() : sizes;
    }

    /** The packaged defaults, for code that starts a simulator without Spring (tests, benchmarks). */
    public static AvantageSimulatorProperties defaults() {
        return new AvantageSimulatorProperties(true, 0, "integration", "sandbox", DEMO_ENCRYPTION_KEY,
                Duration.ofHours(1), 20240101L, DatasetSizes.defaults());
    }

    public boolean encrypted() {
        return encryptionKey != null && !encryptionKey.isBlank();
    }

    public AvantageSimulatorProperties withPort(int newPort) {
        return new AvantageSimulatorProperties(enabled, newPort, user, password, encryptionKey, tokenTtl, seed, sizes);
    }

    public AvantageSimulatorProperties withCredentials(String newUser, String newPassword) {
        return new AvantageSimulatorProperties(enabled, port, newUser, newPassword, encryptionKey, tokenTtl, seed, sizes);
    }

    /** Null or blank: no encryption. */
    public AvantageSimulatorProperties withEncryptionKey(String newKey) {
        return new AvantageSimulatorProperties(enabled, port, user, password, newKey, tokenTtl, seed, sizes);
    }

    public AvantageSimulatorProperties withTokenTtl(Duration newTtl) {
        return new AvantageSimulatorProperties(enabled, port, user, password, encryptionKey, newTtl, seed, sizes);
    }

    public AvantageSimulatorProperties withSeed(long newSeed) {
        return new AvantageSimulatorProperties(enabled, port, user, password, encryptionKey, tokenTtl, newSeed, sizes);
    }

    public AvantageSimulatorProperties withSizes(DatasetSizes newSizes) {
        return new AvantageSimulatorProperties(enabled, port, user, password, encryptionKey, tokenTtl, seed, newSizes);
    }

    /** Never prints the password or the key. */
    @Override
    public String toString() {
        return "AvantageSimulatorProperties[enabled=" + enabled + ", port=" + port + ", user=" + user
                + ", password=****, encryption=" + (encrypted() ? "AES256GCM" : "NONE") + ", tokenTtl=" + tokenTtl
                + ", seed=" + seed + ", sizes=" + sizes + "]";
    }
}
