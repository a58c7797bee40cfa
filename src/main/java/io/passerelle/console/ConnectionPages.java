package io.passerelle.console;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.passerelle.api.InvalidParameterException;
import io.passerelle.api.RecordController;
import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.api.security.Role;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionLinks;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.connection.Ownership;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.InstanceStoppingException;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import io.passerelle.sync.NoCompanySelectedException;
import io.passerelle.sync.RecordReader;
import io.passerelle.sync.SyncCursors;
import io.passerelle.sync.SyncLauncher;
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
 * The Connections page, a connection's page, and its Sync buttons. What a page shows is what the API lets every token
 * read (a connection's settings and its runs); a sync is checked as {@code POST /api/connections/{id}/sync/{flow}}
 * is ({@link ConnectionAccess}, {@link Action#CHANGE}) and started with the API's {@link SyncLauncher}. The buttons are
 * shown only to those the check would let through; the check is made again when one is pressed.
 */
@Controller
class ConnectionPages {

    /** The runs a connection's page lists, newest first. */
    static final int RECENT_RUNS = 20;
    static final String ALL_FLOWS = "all";
    /** The records a flow's tab shows a page of. */
    static final int RECORDS_PAGE = 25;
    /** The column of a record that holds its key in the ERP. */
    static final String REMOTE_KEY = "remoteKey";

    private final ConnectionService connections;
    private final ConnectionFlows flows;
    private final RunHistory history;
    private final SyncLauncher launcher;
    private final ConnectionAccess access;
    private final ConsoleMessages messages;
    private final RecordReader records;
    private final SyncCursors cursors;
    private final ConnectionLinks links;

    ConnectionPages(ConnectionService connections, ConnectionFlows flows, RunHistory history, SyncLauncher launcher,
            ConnectionAccess access, ConsoleMessages messages, RecordReader records, SyncCursors cursors,
            ConnectionLinks links) {
        this.records = records;
        this.cursors = cursors;
        this.links = links;
        this.connections = connections;
        this.flows = flows;
        this.history = history;
        this.launcher = launcher;
        this.access = access;
        this.messages = messages;
    }

    @GetMapping({"/console", "/console/connections"})
    String list(Model model) {
        List<ConnectionRow> rows = connections.list().stream()
                .map(connection -> ConnectionRow.of(connection, flows.of(connection))).toList();
        model.addAttribute("connections", rows);
        // who may POST /api/connections: the console's chain holds the wizard's form to the same roles
        ApiPrincipal caller = caller();
        model.addAttribute("mayCreate", caller != null && (caller.role() == Role.ADMIN || caller.role() == Role.ENGINEER));
        return "console/connections";
    }

    /**
     * The connection, and with {@code flow} that flow's tab: its watermark, its records ({@code q}, {@code after} as
     * {@code GET …/records/{entity}} takes them, for those who may see its data) and its runs.
     */
    @GetMapping("/console/connections/{id}")
    String connection(@PathVariable String id, @RequestParam(required = false) String flow,
            @RequestParam(required = false) String q, @RequestParam(required = false) String after,
            HttpServletResponse response, Model model) {
        Optional<Connection> connection = connections.find(id);
        if (connection.isEmpty()) {
            return notFound(id, response, model);
        }
        if (flow != null) {
            Optional<CanonicalEntity> entity = flows.entityOf(connection.get(), flow);
            if (entity.isEmpty()) {
                return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                        messages.text("console.flowTab.unknownFlow", flow, connection.get().erp()));
            }
            tab(connection.get(), flow, entity.get(), q, after, model);
        }
        return page(connection.get(), model);
    }

    private void tab(Connection connection, String flow, CanonicalEntity entity, String q, String after, Model model) {
        // "tab", not "flow": the sync's path variable {flow} reaches the template under that name
        model.addAttribute("tab", flow);
        model.addAttribute("q", q);
        model.addAttribute("cursors", cursors.list(connection).stream().filter(c -> c.flow().equals(flow)).toList());
        Optional<String> hidden = access.refusal(caller(), connection.ownership(), Action.SEE_DATA);
        if (hidden.isPresent()) {
            model.addAttribute("recordsProblem", messages.text("console.records.hidden", hidden.get()));
            return;
        }
        List<String> columns = new ArrayList<>(List.of(REMOTE_KEY));
        columns.addAll(entity.searchFields());
        model.addAttribute("columns", columns);
        try {
            model.addAttribute("records", records.list(connection.id(), entity.apiName(),
                    q == null || q.isBlank() ? null : q.strip(), RECORDS_PAGE, RecordController.cursor(after)));
        } catch (InvalidParameterException e) {
            model.addAttribute("recordsProblem", e.parameter() + ": " + e.getMessage());
        }
    }

    /** Starts the flow ({@code all}: every flow, in order) as the API's sync does, or says in words why not. */
    @PostMapping("/console/connections/{id}/sync/{flow}")
    String sync(@PathVariable String id, @PathVariable String flow, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Optional<Ownership> ownership = connections.ownership(id);
        if (ownership.isEmpty()) {
            return notFound(id, response, model);
        }
        Optional<String> refusal = access.refusal(caller(), ownership.get(), Action.CHANGE);
        if (refusal.isPresent()) {
            return refused(id, HttpStatus.FORBIDDEN, messages.text("console.sync.refused", refusal.get()), response,
                    model);
        }
        try {
            List<Long> runIds = launcher.start(id, flow, Trigger.CONSOLE, SyncMode.INCREMENTAL);
            redirect.addFlashAttribute("notice", runIds.isEmpty() ? messages.text("console.sync.nothing", flow)
                    : messages.text("console.sync.started", ALL_FLOWS.equals(flow) ? messages.text("console.flows.all")
                            : flow, runIds.size()));
            return "redirect:/console/connections/" + id;
        } catch (UnknownFlowException e) {
            return refused(id, HttpStatus.NOT_FOUND, e.getMessage(), response, model);
        } catch (FlowAlreadyRunningException | ConnectionUnlinkedException e) {
            return refused(id, HttpStatus.CONFLICT, e.getMessage(), response, model);
        } catch (NoCompanySelectedException e) {
            return refused(id, HttpStatus.UNPROCESSABLE_ENTITY, e.getMessage(), response, model);
        } catch (InstanceStoppingException e) {
            return refused(id, HttpStatus.SERVICE_UNAVAILABLE, e.getMessage(), response, model);
        } catch (NoSuchElementException e) {
            return notFound(id, response, model);
        }
    }

    private String page(Connection connection, Model model) {
        ApiPrincipal caller = caller();
        String flow = (String) model.getAttribute("tab");
        List<RunView> runs = history.search(connection.id(), flow, null, RECENT_RUNS);
        model.addAttribute("connection", connection);
        model.addAttribute("flows", flows.of(connection));
        model.addAttribute("runs", runs);
        model.addAttribute("link", links.of(connection).orElse(null));
        model.addAttribute("maySync", access.may(caller, connection.ownership(), Action.CHANGE));
        model.addAttribute("whyNot", access.refusal(caller, connection.ownership(), Action.CHANGE).orElse(null));
        // while a run goes on the page reads itself again, so that its end shows without a script
        model.addAttribute("refresh", runs.stream().anyMatch(run -> !run.finished()));
        return "console/connection";
    }

    private String refused(String id, HttpStatus status, String words, HttpServletResponse response, Model model) {
        Optional<Connection> connection = connections.find(id);
        if (connection.isEmpty()) {
            return notFound(id, response, model);
        }
        response.setStatus(status.value());
        model.addAttribute("problem", words);
        return page(connection.get(), model);
    }

    private String notFound(String id, HttpServletResponse response, Model model) {
        return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                messages.text("console.connection.notFound", id));
    }

    private static ApiPrincipal caller() {
        return ApiPrincipal.current().orElse(null);
    }
}
