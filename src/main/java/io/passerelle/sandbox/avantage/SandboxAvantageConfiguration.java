package io.passerelle.sandbox.avantage;

import io.passerelle.sandbox.kit.BoundPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sandbox mode: starts the Avantage simulator inside the application and publishes the port it bound
 * as {@code passerelle.sandbox.avantage.bound-port}, so that {@code config/connections-sandbox.yaml}
 * can point at it. Beans that resolve that placeholder must be created after this one (depend on the
 * {@code avantageSimulator} bean, or resolve once the context is refreshed).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "passerelle.sandbox.avantage", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(AvantageSimulatorProperties.class)
public class SandboxAvantageConfiguration {

    public static final String BOUND_PORT_PROPERTY = BoundPort.property("avantage");
    private static final Logger log = LoggerFactory.getLogger(SandboxAvantageConfiguration.class);

    @Bean(destroyMethod = "stop")
    public AvantageSimulator avantageSimulator(AvantageSimulatorProperties properties,
                                               ConfigurableEnvironment environment) {
        AvantageSimulator simulator = new AvantageSimulator(properties).start();
        BoundPort.publish(environment, "avantage", simulator.port());
        AvantageDataset.Company company = simulator.dataset().company();
        log.info("Avantage sandbox simulator listening on {}:{} (ENC={}), company {} \"{}\": {}",
                simulator.host(), simulator.port(), simulator.encrypted() ? "AES256GCM" : "NONE",
                company.code(), company.name(), simulator.dataset().counts());
        return simulator;
    }
}
