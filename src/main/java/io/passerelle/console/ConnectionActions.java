package io.passerelle.console;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.api.CursorController;
import io.passerelle.api.InvalidParameterException;
import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.company.CompanyService;
import io.passerelle.company.ConnectionCompanyView;
import io.passerelle.company.InvalidCompanyRequestException;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionLink;
import io.passerelle.connection.ConnectionLinks;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionTester;
import io.passerelle.connection.FieldProblem;
import io.passerelle.connection.NoLinkException;
import io.passerelle.connection.Ownership;
import io.passerelle.run.FailureMessages;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.UnknownFlowException;
import io.passerelle.sync.SyncCursors;
import io.passerelle.sync.SyncTargets;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What a connection's page does besides syncing, each as its API call does it and checked as the API checks it
 * ({@link ConnectionAccess}, {@link Action#CHANGE} for a write, {@link Action#SEE_DATA} to read its companies):
 * test it ({@code POST …/test}), link and unlink it ({@code …/link}, {@code …/unlink}), reset a flow's watermark
 * ({@code PUT …/cursors/{flow}}), and choose the companies it imports ({@code GET|PUT …/companies}).
 */
@Controller
class ConnectionActions {

    private final ConnectionService connections;
    private final ConnectionTester tester;
    private final ConnectionLinks links;
    private final SyncCursors cursors;
    private final SyncTargets targets;
    private final CompanyService companies;
    private final ConnectionAccess access;
    private final ConsoleMessages messages;

    ConnectionActions(ConnectionService connections, ConnectionTester tester,
            ConnectionLinks links, SyncCursors cursors, SyncTargets targets,
            CompanyService companies, ConnectionAccess access, ConsoleMessages messages) {
        this.connections = connections;
        this.tester = tester;
        this.links = links;
        this.cursors = cursors;
        this.targets = targets;
        this.companies = companies;
        this.access = access;
        this.messages = messages;
    }

    @PostMapping("/console/connections/{id}/test")
    String test(@PathVariable String id, RedirectAttributes redirect) {
        require(id, Action.CHANGE);
        redirect.addFlashAttribute("test", tester.test(id, null));
        return "redirect:/console/connections/" + id;
    }

    @PostMapping("/console/connections/{id}/link")
    String link(@PathVariable String id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return linkOrUnlink(id, true, response, model, redirect);
    }

    @PostMapping("/console/connections/{id}/unlink")
    String unlink(@PathVariable String id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return linkOrUnlink(id, false, response, model, redirect);
    }

    private String linkOrUnlink(String id, boolean link, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        require(id, Action.CHANGE);
        try {
            if (link) {
                ConnectionTester.LinkTest linked = tester.link(id, null);
                redirect.addFlashAttribute("test", linked.test());
                redirect.addFlashAttribute("notice", messages.text("console.link.now", linked.link().status()));
            } else {
                ConnectionLink unlinked = links.unlink(id, caller() == null ? null : caller().name());
                redirect.addFlashAttribute("notice", messages.text("console.link.now", unlinked.status()));
            }
        } catch (NoLinkException e) {
            return problem(response, model, HttpStatus.CONFLICT, e.getMessage());
        }
        return "redirect:/console/connections/" + id;
    }

    /** {@code watermark} empty: read everything at the next run; otherwise an ISO-8601 instant, checked as the API does. */
    @PostMapping("/console/connections/{id}/cursors/{flow}")
    String resetWatermark(@PathVariable String id, @PathVariable String flow,
            @RequestParam(required = false) String watermark, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        require(id, Action.CHANGE);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        if (watermark == null || watermark.isBlank()) {
            body.putNull(CursorController.WATERMARK);
        } else {
            body.put(CursorController.WATERMARK, watermark);
        }
        try {
            cursors.reset(connections.get(id), flow, CursorController.watermark(body));
        } catch (InvalidParameterException e) {
            redirect.addFlashAttribute("problem", messages.text("console.cursor.invalid", e.getMessage()));
            return "redirect:/console/connections/" + id + "?flow=" + flow;
        } catch (UnknownFlowException e) {
            return problem(response, model, HttpStatus.NOT_FOUND, e.getMessage());
        } catch (FlowAlreadyRunningException e) {
            redirect.addFlashAttribute("problem", e.getMessage());
            return "redirect:/console/connections/" + id + "?flow=" + flow;
        }
        redirect.addFlashAttribute("notice", watermark == null || watermark.isBlank()
                ? messages.text("console.cursor.cleared", flow) : messages.text("console.cursor.set", flow, watermark));
        return "redirect:/console/connections/" + id + "?flow=" + flow;
    }

    /** The companies the connection reaches, the ERP asked first as {@code GET …/companies} does. */
    @GetMapping("/console/connections/{id}/companies")
    String companies(@PathVariable String id, HttpServletResponse response, Model model) {
        Optional<Connection> connection = connections.find(id);
        if (connection.isEmpty()) {
            return notFound(id, response, model);
        }
        require(id, Action.SEE_DATA);
        try {
            targets.discover(connection.get());
        } catch (RuntimeException e) {
            model.addAttribute("problem", messages.text("console.reach.asLastKnown", FailureMessages.describe(e)));
        }
        return companiesPage(connection.get(), model);
    }

    @PostMapping("/console/connections/{id}/companies")
    String selectCompanies(@PathVariable String id, @RequestParam(required = false) List<String> selected,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Connection> connection = connections.find(id);
        if (connection.isEmpty()) {
            return notFound(id, response, model);
        }
        require(id, Action.CHANGE);
        try {
            if (targets.perCompany(connection.get()) && targets.reached(connection.get()).isEmpty()) {
                targets.discover(connection.get());
            }
            List<ConnectionCompanyView> now = companies.select(id, selected == null ? List.of() : selected);
            redirect.addFlashAttribute("notice", messages.text("console.reach.saved",
                    now.stream().filter(ConnectionCompanyView::selected).count()));
        } catch (InvalidCompanyRequestException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", String.join("; ", e.problems().stream().map(FieldProblem::message).toList()));
            return companiesPage(connection.get(), model);
        }
        return "redirect:/console/connections/" + id + "/companies";
    }

    private String companiesPage(Connection connection, Model model) {
        model.addAttribute("connection", connection);
        model.addAttribute("companies", companies.companiesOf(connection.id()));
        model.addAttribute("mayChange", access.may(caller(), connection.ownership(), Action.CHANGE));
        return "console/connection-companies";
    }

    /** @throws Refused when there is no such connection (404), or the caller may not (403, why in words) */
    private void require(String id, Action action) {
        Ownership ownership = connections.ownership(id).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND,
                messages.text("console.connection.notFound", id)));
        access.refusal(caller(), ownership, action).ifPresent(why -> {
            throw new Refused(HttpStatus.FORBIDDEN, messages.text("console.action.refused", why));
        });
    }

    /** What an action of this page refused before doing anything, shown as the problem page. */
    static final class Refused extends RuntimeException {

        private final HttpStatus status;

        Refused(HttpStatus status, String words) {
            super(words);
            this.status = status;
        }
    }

    @ExceptionHandler(Refused.class)
    String refused(Refused refused, HttpServletResponse response, Model model) {
        return problem(response, model, refused.status, refused.getMessage());
    }

    private String notFound(String id, HttpServletResponse response, Model model) {
        return problem(response, model, HttpStatus.NOT_FOUND, messages.text("console.connection.notFound", id));
    }

    private static String problem(HttpServletResponse response, Model model, HttpStatus status, String words) {
        return ConsoleAdvice.problem(response, model, status.value(), words);
    }

    private static ApiPrincipal caller() {
        return ApiPrincipal.current().orElse(null);
    }
}
