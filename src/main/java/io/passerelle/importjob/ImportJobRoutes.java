package io.passerelle.importjob;

import io.passerelle.run.ErrorHandlingRoutes;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** What a job's Quartz trigger (routes/schedules/import-job-schedule.camel.yaml) sends to: start the job's run. */
@Component
class ImportJobRoutes extends RouteBuilder {

    static final String SCHEDULED = "direct:import-job-scheduled";
    static final String HEADER_JOB = "PasserelleImportJob";

    @Override
    public void configure() {
        from(SCHEDULED).routeId("import-job-scheduled")
                .routeConfigurationId(ErrorHandlingRoutes.LOG_AND_CONTINUE)
                .bean(ScheduledImport.class, "trigger(${header." + HEADER_JOB + "})").id("start-scheduled-import-job");
    }
}
