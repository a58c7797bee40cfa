package io.passerelle.export;

import io.passerelle.run.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** Export runs go through Camel like sync runs; scheduled triggers send the connection and flow as headers. */
@Component
public class ExportRoutes extends RouteBuilder {

    public static final String RUN_JOB = "direct:export-run-job";
    public static final String SCHEDULED = "direct:export-scheduled";

    @Override
    public void configure() {
        from(RUN_JOB).routeId("export-run-job")
                .routeConfigurationId(ErrorHandlingRoutes.LOG_AND_CONTINUE)
                .bean(ExportJobRunner.class, "run").id("run-export-job");

        from(SCHEDULED).routeId("export-scheduled")
                .routeConfigurationId(ErrorHandlingRoutes.LOG_AND_CONTINUE)
                .bean(ScheduledExport.class, "trigger(${header.PasserelleConnection}, ${header.PasserelleFlow})")
                .id("start-scheduled-export");
    }
}
