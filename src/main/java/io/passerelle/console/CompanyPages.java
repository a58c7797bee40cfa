package io.passerelle.console;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.passerelle.api.ConnectionGuard;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.company.CompanyCheck;
import io.passerelle.company.CompanyChecks;
import io.passerelle.company.CompanyNotFoundException;
import io.passerelle.company.CompanyPage;
import io.passerelle.company.CompanyService;
import io.passerelle.company.CompanyView;
import io.passerelle.company.ConnectionCompanyView;
import io.passerelle.company.ImportedRelationException;
import io.passerelle.company.InvalidCompanyRequestException;
import io.passerelle.company.RelationNotFoundException;
import io.passerelle.company.RelationRequest;
import io.passerelle.company.RelationView;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionService;
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
 * The Companies page and a company's page: what {@code GET /api/companies?q=} lists to the caller (through
 * {@link ConnectionGuard#openConnections()}), and a company with its relations, checks and the connections that reach
 * it, which the caller sees when {@code GET /api/companies/{id}} would let it ({@link Action#SEE_DATA}). A manual
 * relation is added and deleted by the API's {@link CompanyService}, checked as its writes are ({@link Action#CHANGE}
 * of one of the company's connections); the forms show only to those the check lets through.
 */
@Controller
class CompanyPages {

    static final int PAGE_SIZE = 50;
    /** As {@code GET /api/companies} bounds {@code q}. */
    static final int MAX_QUERY = 256;

    private final CompanyService companies;
    private final ConnectionService connections;
    private final ConnectionGuard guard;
    private final ConsoleMessages messages;

    CompanyPages(CompanyService companies, ConnectionService connections, ConnectionGuard guard,
            ConsoleMessages messages) {
        this.companies = companies;
        this.connections = connections;
        this.guard = guard;
        this.messages = messages;
    }

    @GetMapping("/console/companies")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) String after,
            HttpServletResponse response, Model model) {
        String query = q == null || q.isBlank() ? null : q.strip();
        if (query != null && query.length() > MAX_QUERY) {
            return ConsoleAdvice.problem(response, model, HttpStatus.BAD_REQUEST.value(),
                    messages.text("console.companies.queryTooLong", MAX_QUERY));
        }
        Long from = null;
        if (after != null && !after.isBlank()) {
            try {
                from = Long.parseLong(after.strip());
            } catch (NumberFormatException e) {
                from = null; // the first page, rather than a page in error for a hand-made address
            }
        }
        CompanyPage found = companies.search(query, PAGE_SIZE, from, guard.openConnections());
        model.addAttribute("q", query);
        model.addAttribute("companies", found.items());
        model.addAttribute("next", found.next() == null ? null : "/console/companies?"
                + (query == null ? "" : "q=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&")
                + "after=" + found.next());
        return "console/companies";
    }

    @GetMapping("/console/companies/{id}")
    String company(@PathVariable long id, HttpServletResponse response, Model model) {
        Optional<String> refusal = guard.refusalOfCompany(id, Action.SEE_DATA);
        if (refusal.isPresent()) {
            return ConsoleAdvice.problem(response, model, HttpStatus.FORBIDDEN.value(),
                    messages.text("console.company.refused", refusal.get()));
        }
        try {
            return page(id, model);
        } catch (CompanyNotFoundException e) {
            return notFound(id, response, model);
        }
    }

    /** A manual relation, as {@code POST /api/companies/{id}/relations} adds it, or what is wrong with it in words. */
    @PostMapping("/console/companies/{id}/relations")
    String addRelation(@PathVariable long id, @RequestParam(required = false) String role,
            @RequestParam(required = false) String type, @RequestParam(required = false) String name,
            @RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
            @RequestParam(required = false) String sharePercent, @RequestParam(required = false) String startDate,
            @RequestParam(required = false) String endDate, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        Optional<String> refusal = guard.refusalOfCompany(id, Action.CHANGE);
        if (refusal.isPresent()) {
            return refused(id, HttpStatus.FORBIDDEN, messages.text("console.company.changeRefused", refusal.get()),
                    response, model);
        }
        BigDecimal share;
        try {
            share = blankToNull(sharePercent) == null ? null : new BigDecimal(sharePercent.strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            return refused(id, HttpStatus.BAD_REQUEST, messages.text("console.company.invalid",
                    "sharePercent: " + messages.text("console.company.notANumber")), response, model);
        }
        try {
            RelationView added = companies.addRelation(id, new RelationRequest(blankToNull(role), blankToNull(type),
                    blankToNull(name), blankToNull(firstName), blankToNull(lastName), share, null,
                    blankToNull(startDate), blankToNull(endDate), null));
            redirect.addFlashAttribute("notice", messages.text("console.company.added", displayName(added)));
            return "redirect:/console/companies/" + id;
        } catch (CompanyNotFoundException e) {
            return notFound(id, response, model);
        } catch (InvalidCompanyRequestException e) {
            return refused(id, HttpStatus.BAD_REQUEST, messages.text("console.company.invalid", String.join("; ",
                    e.problems().stream().map(p -> p.field() + " " + p.message()).toList())), response, model);
        }
    }

    /** Deletes a manual relation, as {@code DELETE /api/companies/{id}/relations/{relationId}} does. */
    @PostMapping("/console/companies/{id}/relations/{relationId}/delete")
    String deleteRelation(@PathVariable long id, @PathVariable long relationId, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Optional<String> refusal = guard.refusalOfCompany(id, Action.CHANGE);
        if (refusal.isPresent()) {
            return refused(id, HttpStatus.FORBIDDEN, messages.text("console.company.changeRefused", refusal.get()),
                    response, model);
        }
        try {
            companies.deleteRelation(id, relationId);
            redirect.addFlashAttribute("notice", messages.text("console.company.deleted", relationId));
            return "redirect:/console/companies/" + id;
        } catch (CompanyNotFoundException e) {
            return notFound(id, response, model);
        } catch (RelationNotFoundException e) {
            return refused(id, HttpStatus.NOT_FOUND, messages.text("console.company.noRelation", relationId),
                    response, model);
        } catch (ImportedRelationException e) {
            return refused(id, HttpStatus.CONFLICT, messages.text("console.company.imported", relationId),
                    response, model);
        }
    }

    private String page(long id, Model model) {
        CompanyView company = companies.get(id);
        List<CompanyCheck> checks = companies.checks(id);
        Map<Long, RelationView> byId = company.relations().stream()
                .collect(Collectors.toMap(RelationView::id, Function.identity()));
        model.addAttribute("company", company);
        model.addAttribute("relations", company.relations());
        model.addAttribute("names", company.relations().stream()
                .collect(Collectors.toMap(RelationView::id, CompanyPages::displayName)));
        model.addAttribute("checks", checks.stream().map(check -> new CheckRow(check, check.relations().stream()
                .map(byId::get).filter(r -> r != null).map(CompanyPages::displayName).toList())).toList());
        // the relations a check finds twice, marked as duplicates beside the imported ones a manual relation repeats
        model.addAttribute("duplicates", checks.stream().filter(check -> CompanyChecks.DUPLICATE_RELATION.equals(check.code()))
                .flatMap(check -> check.relations().stream()).collect(Collectors.toSet()));
        model.addAttribute("reaches", company.connections().stream().map(connection -> reach(id, connection)).toList());
        model.addAttribute("mayChange", guard.refusalOfCompany(id, Action.CHANGE).isEmpty());
        return "console/company";
    }

    /** A connection that reaches the company: its ERP and the ERP's ids of the company. */
    private Reach reach(long companyId, String connectionId) {
        String erp = connections.find(connectionId).map(Connection::erp).orElse(null);
        List<String> erpIds = companies.companiesOf(connectionId).stream()
                .filter(company -> company.company() == companyId).map(ConnectionCompanyView::erpCompanyId).toList();
        return new Reach(connectionId, erp, erpIds);
    }

    private String refused(long id, HttpStatus status, String words, HttpServletResponse response, Model model) {
        try {
            response.setStatus(status.value());
            model.addAttribute("problem", words);
            return page(id, model);
        } catch (CompanyNotFoundException e) {
            return notFound(id, response, model);
        }
    }

    private String notFound(long id, HttpServletResponse response, Model model) {
        return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                messages.text("console.company.notFound", id));
    }

    /** The relation's name as a person reads it: its name, else its first and last names. */
    static String displayName(RelationView relation) {
        if (relation.name() != null && !relation.name().isBlank()) {
            return relation.name();
        }
        return ((relation.firstName() == null ? "" : relation.firstName()) + " "
                + (relation.lastName() == null ? "" : relation.lastName())).strip();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A check and the names of the relations it is about. */
    public record CheckRow(CompanyCheck check, List<String> about) {
        public boolean error() {
            return check.severity() == CompanyCheck.Severity.ERROR;
        }
    }

    /** A connection that reaches the company, its ERP (null when it is gone) and the ERP's ids of the company. */
    public record Reach(String connection, String erp, List<String> erpIds) {
    }
}
