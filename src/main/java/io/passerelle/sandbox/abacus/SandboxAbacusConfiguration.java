package io.passerelle.sandbox.abacus;

import io.passerelle.sandbox.kit.BoundPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sandbox mode: starts the Abacus simulator inside the application and publishes the port it bound as
 * {@code passerelle.sandbox.abacus.bound-port}, so that a bootstrapped connection can point at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "passerelle.sandbox.abacus", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AbacusSimulatorProperties.class)
public class SandboxAbacusConfiguration {

    public static final String BOUND_PORT_PROPERTY = BoundPort.property("abacus");
    private static final Logger log = LoggerFactory.getLogger(SandboxAbacusConfiguration.class);

    @Bean(destroyMethod = "stop")
    public AbacusSimulator abacusSimulator(AbacusSimulatorProperties properties, ConfigurableEnvironment environment) {
        AbacusSimulator simulator = new AbacusSimulator(properties).start();
        BoundPort.publish(environment, "abacus", simulator.port());
        log.info("Abacus sandbox simulator listening on {}, mandant {}: {}", simulator.url(), properties.mandant(),
                simulator.dataset().counts());
        return simulator;
    }
}
