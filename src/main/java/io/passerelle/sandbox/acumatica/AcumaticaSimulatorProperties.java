package io.passerelle.sandbox.acumatica;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sandbox Acumatica server settings, {@code passerelle.sandbox.acumatica.*}.
 *
 * @param port             0 picks a free port; the bound one is published as {@code passerelle.sandbox.acumatica.bound-port}
 * @param clientId         the connected application's id, {@code <guid>@<tenant>} as Acumatica prints it
 * @param loginLimit       licensed concurrent API sessions (a trial licence has 2)
 * @param loginLimitStatus status of the "API Login Limit" answer: the real one is unconfirmed, 500 or 429
 * @param sessionTimeout   idle time after which a cookie session ends and frees its slot
 * @param tokenTtl         life of an OAuth access token (Acumatica: 1 hour); its session ends with it
 * @param seed             same seed gives the same tenant, record for record
 */
@ConfigurationProperties("passerelle.sandbox.acumatica")
public record AcumaticaSimulatorProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("0") int port,
        @DefaultValue("passerelle") String user,
        @DefaultValue("sandbox") String password,
        @DefaultValue("Laurentides") String tenant,
        @DefaultValue(AcumaticaSimulatorProperties.DEMO_CLIENT_ID) String clientId,
        @DefaultValue("sandbox-client-secret") String clientSecret,
        @DefaultValue("2") int loginLimit,
        @DefaultValue("500") int loginLimitStatus,
        @DefaultValue("20m") Duration sessionTimeout,
        @DefaultValue("1h") Duration tokenTtl,
        @DefaultValue("20240101") long seed) {

    /** Public on purpose: a demo id for the sandbox only. */
    public static final String DEMO_CLIENT_ID = "5E0F3A2C-8B4D-4C1E-9F6A-7D2B1C0E9A34@Laurentides";

    public AcumaticaSimulatorProperties {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535");
        }
        if (loginLimit < 0) {
            throw new IllegalArgumentException("loginLimit must not be negative");
        }
        if (loginLimitStatus != 500 && loginLimitStatus != 429) {
            throw new IllegalArgumentException("loginLimitStatus must be 500 or 429");
        }
        user = user == null ? "passerelle" : user;
        password = password == null ? "sandbox" : password;
        tenant = tenant == null ? "Laurentides" : tenant;
        clientId = clientId == null ? DEMO_CLIENT_ID : clientId;
        clientSecret = clientSecret == null ? "sandbox-client-secret" : clientSecret;
        sessionTimeout = sessionTimeout == null ? Duration.ofMinutes(20) : sessionTimeout;
        tokenTtl = tokenTtl == null ? Duration.ofHours(1) : tokenTtl;
    }

    /** The packaged defaults, for code that starts a simulator without Spring (tests, benchmarks). */
    public static AcumaticaSimulatorProperties defaults() {
        return new AcumaticaSimulatorProperties(true, 0, "passerelle", "sandbox", "Laurentides", DEMO_CLIENT_ID,
                "sandbox-client-secret", 2, 500, Duration.ofMinutes(20), Duration.ofHours(1), 20240101L);
    }

    public AcumaticaSimulatorProperties withPort(int newPort) {
        return new AcumaticaSimulatorProperties(enabled, newPort, user, password, tenant, clientId, clientSecret,
                loginLimit, loginLimitStatus, sessionTimeout, tokenTtl, seed);
    }

    public AcumaticaSimulatorProperties withLoginLimit(int newLimit, int newStatus) {
        return new AcumaticaSimulatorProperties(enabled, port, user, password, tenant, clientId, clientSecret,
                newLimit, newStatus, sessionTimeout, tokenTtl, seed);
    }

    public AcumaticaSimulatorProperties withSeed(long newSeed) {
        return new AcumaticaSimulatorProperties(enabled, port, user, password, tenant, clientId, clientSecret,
                loginLimit, loginLimitStatus, sessionTimeout, tokenTtl, newSeed);
    }

    /** Never prints the password or the client secret. */
    @Override
    public String toString() {
        return "AcumaticaSimulatorProperties[enabled=" + enabled + ", port=" + port + ", user=" + user
                + ", password=****, tenant=" + tenant + ", clientId=" + clientId + ", clientSecret=****, loginLimit="
                + loginLimit + ", loginLimitStatus=" + loginLimitStatus + ", sessionTimeout=" + sessionTimeout
                + ", tokenTtl=" + tokenTtl + ", seed=" + seed + "]";
    }
}
