package io.passerelle.sandbox.sevenoffice;

import io.passerelle.sandbox.kit.BoundPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Sandbox mode: starts the 24SevenOffice simulator inside the application and publishes the port it bound as
 * {@code passerelle.sandbox.twentyfoursevenoffice.bound-port}, so that a connection can point at it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = SandboxSevenOfficeConfiguration.PREFIX, name = "enabled", havingValue = "true")
@EnableConfigurationProperties(SevenOfficeSimulatorProperties.class)
public class SandboxSevenOfficeConfiguration {

    static final String ERP = "twentyfoursevenoffice";
    static final String PREFIX = "passerelle.sandbox." + ERP;
    public static final String BOUND_PORT_PROPERTY = BoundPort.property(ERP);
    private static final Logger log = LoggerFactory.getLogger(SandboxSevenOfficeConfiguration.class);

    @Bean(destroyMethod = "stop")
    public SevenOfficeSimulator sevenOfficeSimulator(SevenOfficeSimulatorProperties properties,
                                                     ConfigurableEnvironment environment) {
        SevenOfficeSimulator simulator = new SevenOfficeSimulator(properties).start();
        BoundPort.publish(environment, ERP, simulator.port());
        log.info("24SevenOffice sandbox simulator listening on {}: customers per organization {}, clients {}",
                simulator.url(), simulator.dataset().counts(), properties.clients());
        return simulator;
    }
}
