package io.passerelle.sandbox.avantage;

import java.math.BigDecimal;
import java.util.List;

import io.passerelle.timesheet.InvalidTimesheetException;
import io.passerelle.timesheet.LineRequest;
import io.passerelle.timesheet.TimesheetRequest;
import io.passerelle.timesheet.TimesheetService;
import io.passerelle.timesheet.TimesheetStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sandbox mode: two VALIDATED timesheets of the sandbox Avantage company, as the platform would write them, so that a
 * person trying the console has something to send from Payroll export without writing one through the API. Written
 * once, after the start-up sync has brought the employees, projects and activities they name (the bootstrap runs
 * first), and only while the company has no timesheet at all. Off in the tests, which count their own sheets.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty(prefix = "passerelle.sandbox.avantage", name = "sample-timesheets", havingValue = "true")
class SampleTimesheets implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SampleTimesheets.class);

    private final AvantageSimulator simulator;
    private final TimesheetService timesheets;

    SampleTimesheets(AvantageSimulator simulator, TimesheetService timesheets) {
        this.simulator = simulator;
        this.timesheets = timesheets;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        String company = simulator.dataset().company().code();
        if (!timesheets.search(company, null, null, 1).items().isEmpty()) {
            return;
        }
        Project project = simulator.dataset().projects().get(2);
        String activity = simulator.dataset().activities(project.number()).get(0).code();
        List<Employee> employees = simulator.dataset().employees();
        try {
            for (Employee employee : List.of(employees.get(41), employees.get(6))) {
                timesheets.create(new TimesheetRequest(company, employee.number(), TimesheetStatus.VALIDATED.name(),
                        List.of(line("2026-11-16", project, activity, "8.0"),
                                line("2026-11-17", project, activity, "9.5"))));
            }
            log.info("Sandbox: two VALIDATED sample timesheets of {} written, ready for Payroll export", company);
        } catch (InvalidTimesheetException e) {
            // the start-up sync did not bring what they name (it failed, or is off): the sandbox works without them
            log.warn("Sandbox: no sample timesheets: {}", e.getMessage());
        }
    }

    private static LineRequest line(String date, Project project, String activity, String hours) {
        return new LineRequest(null, date, project.number(), activity, null, new BigDecimal(hours), null, null, null,
                null);
    }
}
