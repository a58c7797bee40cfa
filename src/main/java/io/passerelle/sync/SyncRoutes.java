package io.passerelle.sync;

import io.passerelle.run.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * Runs go through Camel so that they show in route metrics and JMX like any other flow. Scheduled
 * triggers (routes/&lt;erp&gt;/*.camel.yaml) send the connection and flow as headers.
 */
@Component
public class SyncRoutes extends RouteBuilder {

    public static final String RUN_JOB = "direct:sync-run-job";
    public static final String SCHEDULED = "direct:sync-scheduled";
    public static final String HEADER_CONNECTION = "PasserelleConnection";
    public static final String HEADER_FLOW = "PasserelleFlow";

    @Override
    public void configure() {
        from(RUN_JOB).routeId("sync-run-job")
                .routeConfigurationId(ErrorHandlingRoutes.LOG_AND_CONTINUE)
                .bean(SyncJobRunner.class, "run").id("run-sync-job");

        from(SCHEDULED).routeId("sync-scheduled")
                .routeConfigurationId(ErrorHandlingRoutes.LOG_AND_CONTINUE)
                .bean(ScheduledSync.class, "trigger(${header." + HEADER_CONNECTION + "}, ${header." + HEADER_FLOW + "})")
                .id("start-scheduled-sync");
    }
}
