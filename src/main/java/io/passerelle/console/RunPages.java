package io.passerelle.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.connection.Ownership;
import io.passerelle.retry.NothingToRetryException;
import io.passerelle.retry.RunRetries;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunFilter;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Runs page (the history across connections, filtered and paged, running runs with what they have read so far),
 * a run's page, and its Retry button. Every token reads them, as every token reads {@code GET /api/runs}; a retry is
 * checked as {@code POST /api/runs/{runId}/retry} is ({@link ConnectionAccess}, {@link Action#CHANGE} of the run's
 * connection) and made by the API's {@link RunRetries}. Retry shows only where the check would let it through and the
 * run has a retryable failed record; it is checked again when pressed.
 */
@Controller
class RunPages {

    static final int PAGE_SIZE = 50;
    /** The statuses a run may have, as the status filter offers them. */
    static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "INTERRUPTED", "PARTIAL", "FAILED");

    private final RunHistory history;
    private final RunRetries retries;
    private final ConnectionService connections;
    private final ConnectionAccess access;
    private final ConsoleMessages messages;

    RunPages(RunHistory history, RunRetries retries, ConnectionService connections, ConnectionAccess access,
            ConsoleMessages messages) {
        this.history = history;
        this.retries = retries;
        this.connections = connections;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping("/console/runs")
    String list(@RequestParam(required = false) String connection, @RequestParam(required = false) String flow,
            @RequestParam(required = false) String status, @RequestParam(required = false) String trigger,
            @RequestParam(required = false) String company, @RequestParam(required = false) String before,
            HttpServletResponse response, Model model) {
        Filter filter = new Filter(connection, flow, status, trigger, company);
        Optional<String> invalid = filter.problem();
        if (invalid.isPresent()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", messages.text("console.runlist.invalid", invalid.get()));
        }
        Long from = parseLong(before);
        List<RunView> runs = invalid.isPresent() ? List.of()
                : history.search(filter.runFilter(), from, PAGE_SIZE + 1);
        String next = null;
        if (runs.size() > PAGE_SIZE) {
            runs = runs.subList(0, PAGE_SIZE);
            next = String.valueOf(runs.get(PAGE_SIZE - 1).id());
        }
        model.addAttribute("filter", filter);
        model.addAttribute("runs", runs);
        model.addAttribute("next", next);
        model.addAttribute("statuses", STATUSES);
        model.addAttribute("triggers", Trigger.values());
        // while a run goes on the page reads itself again, so that its progress and end show without a script
        model.addAttribute("refresh", runs.stream().anyMatch(run -> !run.finished()));
        return "console/runs";
    }

    @GetMapping("/console/runs/{runId}")
    String run(@PathVariable long runId, HttpServletResponse response, Model model) {
        Optional<RunView> run = history.find(runId);
        if (run.isEmpty()) {
            return notFound(runId, response, model);
        }
        return page(run.get(), model);
    }

    /** A new run of the run's retryable failed records, as the API's retry starts it, or why not in words. */
    @PostMapping("/console/runs/{runId}/retry")
    String retry(@PathVariable long runId, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<RunView> found = history.find(runId);
        if (found.isEmpty()) {
            return notFound(runId, response, model);
        }
        RunView run = found.get();
        Optional<String> refusal = connections.ownership(run.connection())
                .flatMap(ownership -> access.refusal(caller(), ownership, Action.CHANGE));
        if (refusal.isPresent()) {
            return refused(run, HttpStatus.FORBIDDEN, messages.text("console.retry.refused", refusal.get()), response,
                    model);
        }
        try {
            long retry = retries.start(run);
            redirect.addFlashAttribute("notice", messages.text("console.retry.started", retry, runId));
            return "redirect:/console/runs/" + retry;
        } catch (FlowAlreadyRunningException | ConnectionUnlinkedException e) {
            return refused(run, HttpStatus.CONFLICT, messages.text("console.retry.notStarted", e.getMessage()),
                    response, model);
        } catch (NothingToRetryException e) {
            return refused(run, HttpStatus.UNPROCESSABLE_ENTITY, messages.text("console.retry.nothing", runId),
                    response, model);
        } catch (UnknownFlowException | NoSuchElementException e) {
            return refused(run, HttpStatus.NOT_FOUND, messages.text("console.retry.notStarted", e.getMessage()),
                    response, model);
        }
    }

    private String page(RunView run, Model model) {
        List<RunErrorView> errors = history.errors(run.id());
        Optional<Ownership> ownership = connections.ownership(run.connection());
        boolean retryable = run.finished() && errors.stream().anyMatch(RunErrorView::retryable);
        model.addAttribute("run", run);
        model.addAttribute("errors", errors);
        model.addAttribute("mayRetry", retryable && ownership.isPresent()
                && access.may(caller(), ownership.get(), Action.CHANGE));
        model.addAttribute("refresh", !run.finished());
        return "console/run";
    }

    private String refused(RunView run, HttpStatus status, String words, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("problem", words);
        return page(history.find(run.id()).orElse(run), model);
    }

    private String notFound(long runId, HttpServletResponse response, Model model) {
        return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                messages.text("console.run.notFound", runId));
    }

    private static Long parseLong(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ApiPrincipal caller() {
        return ApiPrincipal.current().orElse(null);
    }

    /** The page's filters, each null when not set, as the form and the paging links carry them. */
    public record Filter(String connection, String flow, String status, String trigger, String company) {
        public Filter {
            connection = blankToNull(connection);
            flow = blankToNull(flow);
            status = blankToNull(status) == null ? null : status.strip().toUpperCase(Locale.ROOT);
            trigger = blankToNull(trigger) == null ? null : trigger.strip().toUpperCase(Locale.ROOT);
            company = blankToNull(company);
        }

        /** What is wrong with a filter, named; empty when every one is a value the history holds. */
        Optional<String> problem() {
            if (status != null && !STATUSES.contains(status)) {
                return Optional.of("status");
            }
            if (trigger != null && java.util.Arrays.stream(Trigger.values()).noneMatch(t -> t.name().equals(trigger))) {
                return Optional.of("trigger");
            }
            if (company != null && parseLong(company) == null) {
                return Optional.of("company");
            }
            return Optional.empty();
        }

        RunFilter runFilter() {
            return new RunFilter(connection, flow, status, trigger, parseLong(company));
        }

        /** The address of the page of runs older than {@code before} (null: the first page) with these filters. */
        public String href(String before) {
            List<String> parameters = new ArrayList<>();
            for (String[] parameter : new String[][] {{"connection", connection}, {"flow", flow}, {"status", status},
                    {"trigger", trigger}, {"company", company}, {"before", before}}) {
                if (parameter[1] != null) {
                    parameters.add(parameter[0] + "=" + URLEncoder.encode(parameter[1], StandardCharsets.UTF_8));
                }
            }
            return "/console/runs" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
        }

        private static String blankToNull(String value) {
            return value == null || value.isBlank() ? null : value.strip();
        }
    }
}
