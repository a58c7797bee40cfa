package io.passerelle.sandbox.adminpulse;

import io.passerelle.sandbox.kit.BoundPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sandbox mode: starts the AdminPulse simulator inside the application and publishes the port it bound as
 * {@code passerelle.sandbox.adminpulse.bound-port}, so that a bootstrapped connection can point at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "passerelle.sandbox.adminpulse", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AdminPulseSimulatorProperties.class)
public class SandboxAdminPulseConfiguration {

    public static final String BOUND_PORT_PROPERTY = BoundPort.property("adminpulse");
    private static final Logger log = LoggerFactory.getLogger(SandboxAdminPulseConfiguration.class);

    @Bean(destroyMethod = "stop")
    public AdminPulseSimulator adminPulseSimulator(AdminPulseSimulatorProperties properties,
                                                   ConfigurableEnvironment environment) {
        AdminPulseSimulator simulator = new AdminPulseSimulator(properties).start();
        BoundPort.publish(environment, "adminpulse", simulator.port());
        log.info("AdminPulse sandbox simulator listening on {}: {}", simulator.url(), simulator.dataset().counts());
        return simulator;
    }
}
