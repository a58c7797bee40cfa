package io.passerelle.run;

import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteConfigurationBuilder;
import org.springframework.stereotype.Component;

/**
 * Error handling declared once, referenced by id.
 * <ul>
 * <li>{@link #LOG_AND_CONTINUE}, for the routes that start runs: run-level failures are recorded by the engine
 * itself; what reaches here is a failure to start or record a run, which is logged without a stack trace for
 * operators and never retried blindly (a retry could double a write).</li>
 * <li>{@link #FAIL_TO_CALLER}, for the ERP transports and the flows' routes (route files name it): a failed request (refused, wrong key, cut) goes back to
 * the caller, which fails its run in words and logs that once, with the run's id. Camel's default error handler
 * would log it too, as a stack dump of Netty frames that names no run; with {@code logExhausted(false)} it still
 * logs its "Failed delivery … Exhausted" block with the message history, so the transports have none.</li>
 * </ul>
 */
@Component
public class ErrorHandlingRoutes extends RouteConfigurationBuilder {

    public static final String LOG_AND_CONTINUE = "passerelle-log-and-continue";
    public static final String FAIL_TO_CALLER = "passerelle-fail-to-caller";

    @Override
    public void configuration() {
        routeConfiguration(LOG_AND_CONTINUE)
                .onException(Exception.class)
                .handled(true)
                .log(LoggingLevel.ERROR, "passerelle.routes", "${routeId} failed: ${exception.message}");

        // no redelivery either: a request resent on its own could write twice
        routeConfiguration(FAIL_TO_CALLER).errorHandler(noErrorHandler());
    }
}
