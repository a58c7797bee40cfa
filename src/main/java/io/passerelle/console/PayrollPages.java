package io.passerelle.console;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.export.ExportLauncher;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import io.passerelle.timesheet.LineExport;
import io.passerelle.timesheet.LineView;
import io.passerelle.timesheet.TimesheetPage;
import io.passerelle.timesheet.TimesheetService;
import io.passerelle.timesheet.TimesheetStatus;
import io.passerelle.timesheet.TimesheetSummary;
import io.passerelle.timesheet.TimesheetView;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Payroll export (seed 002, "Exportation vers la paie"): a connection that exports timesheets, its company's VALIDATED
 * and FROZEN sheets (as {@code GET /api/timesheets?company=&status=} lists them) with each line's outcome with that
 * connection in words, and "Export", checked as {@code POST /api/connections/{id}/export/timesheets} is
 * ({@link ConnectionAccess}, {@link Action#CHANGE}) and started by the API's {@link ExportLauncher}. Every token reads
 * the page, as every token reads the timesheets; only those the check lets through see the button.
 */
@Controller
class PayrollPages {

    /** The sheets of each status the page shows; {@code after} pages on. */
    static final int PAGE_SIZE = 50;

    private final TimesheetConnections exporting;
    private final TimesheetService timesheets;
    private final RunHistory history;
    private final ObjectProvider<ExportLauncher> launcher;
    private final ConnectionAccess access;
    private final ConsoleMessages messages;

    PayrollPages(TimesheetConnections exporting, TimesheetService timesheets, RunHistory history,
            ObjectProvider<ExportLauncher> launcher, ConnectionAccess access, ConsoleMessages messages) {
        this.exporting = exporting;
        this.timesheets = timesheets;
        this.history = history;
        this.launcher = launcher;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/console/payroll")
    String payroll(@RequestParam(required = false) String connection,
            @RequestParam(required = false) String validatedAfter, @RequestParam(required = false) String frozenAfter,
            HttpServletResponse response, Model model) {
        List<Connection> choices = exporting.all();
        Optional<Connection> chosen = connection == null || connection.isBlank() ? choices.stream().findFirst()
                : choices.stream().filter(c -> c.id().equals(connection.strip())).findFirst();
        if (chosen.isEmpty() && connection != null && !connection.isBlank()) {
            return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                    messages.text("console.payroll.noSuchConnection", connection));
        }
        return page(choices, chosen.orElse(null), blankToNull(validatedAfter), blankToNull(frozenAfter), model);
    }

    /** Starts the flow as the API's export does, or says in words why not; back to the payroll page either way. */
    @PostMapping("/console/connections/{id}/export/{flow}")
    String export(@PathVariable String id, @PathVariable String flow, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        List<Connection> choices = exporting.all();
        Optional<Connection> connection = choices.stream().filter(c -> c.id().equals(id)).findFirst();
        if (connection.isEmpty()) {
            return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                    messages.text("console.payroll.noSuchConnection", id));
        }
        Optional<String> refusal = access.refusal(caller(), connection.get().ownership(), Action.CHANGE);
        if (refusal.isPresent()) {
            return refused(choices, connection.get(), HttpStatus.FORBIDDEN,
                    messages.text("console.payroll.refused", refusal.get()), response, model);
        }
        ExportLauncher exports = launcher.getIfAvailable();
        if (exports == null) {
            return refused(choices, connection.get(), HttpStatus.SERVICE_UNAVAILABLE,
                    messages.text("console.payroll.noEngine"), response, model);
        }
        try {
            long runId = exports.start(id, flow, Trigger.CONSOLE);
            redirect.addFlashAttribute("notice", messages.text("console.payroll.started", flow, runId));
            redirect.addAttribute("connection", id);
            return "redirect:/console/payroll";
        } catch (UnknownFlowException e) {
            return refused(choices, connection.get(), HttpStatus.NOT_FOUND, e.getMessage(), response, model);
        } catch (FlowAlreadyRunningException | ConnectionUnlinkedException e) {
            return refused(choices, connection.get(), HttpStatus.CONFLICT, e.getMessage(), response, model);
        } catch (NoSuchElementException e) {
            return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                    messages.text("console.payroll.noSuchConnection", id));
        }
    }

    private String page(List<Connection> choices, Connection connection, String validatedAfter, String frozenAfter,
            Model model) {
        model.addAttribute("choices", choices);
        model.addAttribute("connection", connection);
        if (connection == null) {
            return "console/payroll";
        }
        ApiPrincipal caller = caller();
        List<RunView> runs = history.search(connection.id(), TimesheetConnections.FLOW, null, 1);
        RunView last = runs == null || runs.isEmpty() ? null : runs.get(0);
        TimesheetPage validated = timesheets.search(connection.company().code(), TimesheetStatus.VALIDATED,
                validatedAfter, PAGE_SIZE);
        TimesheetPage frozen = timesheets.search(connection.company().code(), TimesheetStatus.FROZEN, frozenAfter,
                PAGE_SIZE);
        model.addAttribute("validated", sheets(validated, connection.id()));
        model.addAttribute("validatedNext", validated.next());
        model.addAttribute("frozen", sheets(frozen, connection.id()));
        model.addAttribute("frozenNext", frozen.next());
        model.addAttribute("lastRun", last);
        model.addAttribute("mayExport", access.may(caller, connection.ownership(), Action.CHANGE));
        model.addAttribute("whyNot", access.refusal(caller, connection.ownership(), Action.CHANGE).orElse(null));
        // while the export goes on the page reads itself again, so that each line's outcome shows without a script
        model.addAttribute("refresh", last != null && !last.finished());
        return "console/payroll";
    }

    private String refused(List<Connection> choices, Connection connection, HttpStatus status, String words,
            HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("problem", words);
        return page(choices, connection, null, null, model);
    }

    private List<PayrollSheet> sheets(TimesheetPage page, String connectionId) {
        List<PayrollSheet> sheets = new ArrayList<>(page.items().size());
        for (TimesheetSummary summary : page.items()) {
            TimesheetView sheet = timesheets.get(summary.id());
            List<PayrollSheet.Line> lines = sheet.lines().stream().map(line -> line(line, connectionId)).toList();
            LocalDate from = sheet.lines().stream().map(LineView::date).filter(Objects::nonNull)
                    .min(Comparator.naturalOrder()).orElse(null);
            LocalDate to = sheet.lines().stream().map(LineView::date).filter(Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(null);
            BigDecimal hours = sheet.lines().stream().map(LineView::hours).filter(Objects::nonNull)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            sheets.add(new PayrollSheet(sheet.id(), sheet.employeeNumber(), from, to, hours, sheet.status(), lines));
        }
        return sheets;
    }

    /** The line and where it stands with this connection (a company may send its lines to more than one ERP). */
    private PayrollSheet.Line line(LineView line, String connectionId) {
        LineExport export = line.exports().stream().filter(x -> connectionId.equals(x.connection())).findFirst()
                .orElse(null);
        String state = export == null ? null : export.state();
        String outcome = export == null ? messages.text("console.payroll.outcome.none")
                : messages.text("console.payroll.outcome." + state, orNothing(export.code()),
                        orNothing(export.message()));
        return new PayrollSheet.Line(line.lineId(), line.date(), line.projectNumber(), line.activityCode(),
                line.hourTypeCode(), line.hours(), state, outcome.strip());
    }

    private static String orNothing(String text) {
        return text == null ? "" : text;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static ApiPrincipal caller() {
        return ApiPrincipal.current().orElse(null);
    }
}
