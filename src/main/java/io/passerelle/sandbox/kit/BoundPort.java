package io.passerelle.sandbox.kit;

import java.util.Map;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Publishes the port a sandbox simulator bound as {@code passerelle.sandbox.<erp>.bound-port}, first among
 * the property sources, so that {@code config/connections-sandbox.yaml} can point at it.
 */
public final class BoundPort {

    private BoundPort() {
    }

    /** {@code passerelle.sandbox.<erp>.bound-port}. */
    public static String property(String erp) {
        return "passerelle.sandbox." + erp + ".bound-port";
    }

    public static void publish(ConfigurableEnvironment environment, String erp, int port) {
        environment.getPropertySources().addFirst(
                new MapPropertySource("passerelle-sandbox-" + erp, Map.of(property(erp), port)));
    }
}
