package io.passerelle.console;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.connection.Ownership;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.run.UnknownFlowException;
import io.passerelle.sync.NoCompanySelectedException;
import io.passerelle.sync.SyncLauncher;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    private final ConnectionService connections;
    private final ConnectionFlows flows;
    private final RunHistory history;
    private final SyncLauncher launcher;
    private final ConnectionAccess access;
    private final ConsoleMessages messages;

    ConnectionPages(ConnectionService connections, ConnectionFlows flows, RunHistory history, SyncLauncher launcher,
            ConnectionAccess access, ConsoleMessages messages) {
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
        return "console/connections";
    }

    @GetMapping("/console/connections/{id}")
    String connection(@PathVariable String id, HttpServletResponse response, Model model) {
        Optional<Connection> connection = connections.find(id);
        if (connection.isEmpty()) {
            return notFound(id, response, model);
        }
        return page(connection.get(), model);
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
        } catch (NoSuchElementException e) {
            return notFound(id, response, model);
        }
    }

    private String page(Connection connection, Model model) {
        ApiPrincipal caller = caller();
        List<RunView> runs = history.search(connection.id(), null, null, RECENT_RUNS);
        model.addAttribute("connection", connection);
        model.addAttribute("flows", flows.of(connection));
        model.addAttribute("runs", runs);
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
