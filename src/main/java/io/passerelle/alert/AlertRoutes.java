package io.passerelle.alert;

import io.passerelle.run.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The alerts' worker, a Camel timer (so it shows in route metrics and JMX like the flows): every
 * {@code passerelle.alerts.poll-interval} it checks the scheduled flows for staleness, then posts the outbox's due
 * deliveries. Not a route file as the flows and schedules are: those are templates made per connection, this is one
 * route for all, with nothing a customer would change but its interval. A poll that fails is logged, the next one
 * tries again.
 */
@Component
class AlertRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:passerelle-alerts?period={{passerelle.alerts.poll-interval:5s}}&delay={{passerelle.alerts.poll-interval:5s}}")
                .routeId("alerts")
                .routeConfigurationId(ErrorHandlingRoutes.LOG_AND_CONTINUE)
                .bean(AlertService.class, "checkStale").id("check-stale")
                .bean(AlertDeliveries.class, "deliverDue").id("deliver-alerts");
    }
}
