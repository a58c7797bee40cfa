package io.passerelle.sync;

import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling declared once. Run-level failures are recorded by the engine itself; what reaches
 * here is a failure to start or record a run, which is logged without a stack trace for operators
 * and never retried blindly (a retry could double a write).
 */
@Component
public class ErrorHandlingRoutes extends RouteConfigurationBuilder {

    public static final String LOG_AND_CONTINUE = "passerelle-log-and-continue";

    @Override
    public void configuration() {
        routeConfiguration(LOG_AND_CONTINUE)
                .onException(Exception.class)
                .handled(true)
                .log(org.apache.camel.LoggingLevel.ERROR, "passerelle.routes",
                        "${routeId} failed: ${exception.message}");
    }
}
