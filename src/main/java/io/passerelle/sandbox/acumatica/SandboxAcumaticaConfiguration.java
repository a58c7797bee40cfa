package io.passerelle.sandbox.acumatica;

import io.passerelle.sandbox.kit.BoundPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sandbox mode: starts the Acumatica simulator inside the application and publishes the port it bound
 * as {@code passerelle.sandbox.acumatica.bound-port}, so that {@code config/connections-sandbox.yaml}
 * can point at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "passerelle.sandbox.acumatica", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AcumaticaSimulatorProperties.class)
public class SandboxAcumaticaConfiguration {

    public static final String BOUND_PORT_PROPERTY = BoundPort.property("acumatica");
    private static final Logger log = LoggerFactory.getLogger(SandboxAcumaticaConfiguration.class);

    @Bean(destroyMethod = "stop")
    public AcumaticaSimulator acumaticaSimulator(AcumaticaSimulatorProperties properties,
                                                 ConfigurableEnvironment environment) {
        AcumaticaSimulator simulator = new AcumaticaSimulator(properties).start();
        BoundPort.publish(environment, "acumatica", simulator.port());
        log.info("Acumatica sandbox simulator listening on {}, tenant {} (Default/{}), login limit {}: {}",
                simulator.url(), properties.tenant(), AcumaticaSimulator.ENDPOINT_VERSION, properties.loginLimit(),
                simulator.dataset().counts());
        return simulator;
    }
}
