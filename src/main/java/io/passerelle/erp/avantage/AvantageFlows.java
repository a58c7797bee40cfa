package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.export.OutboundFlow;
import io.passerelle.timesheet.ExportableLine;
import io.passerelle.timesheet.TimesheetLineSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AvantageFlows {

    public static final String TIMESHEETS = "timesheets";

    /** Validated and frozen timesheet lines to Avantage's Timesheet management (seed "Envoyer des données de temps"). */
    @Bean
    public OutboundFlow<ExportableLine, ObjectNode> avantageTimesheets(TimesheetLineSource lines, AvantageTimesheetSink sink) {
        return new OutboundFlow<>(AvantageSource.ERP, TIMESHEETS, lines, sink);
    }
}
