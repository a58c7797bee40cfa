package io.passerelle.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ApprovalAccess;
import io.passerelle.approval.ApprovalItem;
import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalPage;
import io.passerelle.approval.ApprovalService;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.InvalidItemException;
import io.passerelle.approval.ItemConflictException;
import io.passerelle.approval.ItemNotFoundException;
import io.passerelle.document.CommitmentLine;
import io.passerelle.document.CommitmentTerms;
import io.passerelle.document.DocumentLine;
import io.passerelle.document.DocumentService;
import io.passerelle.document.InvoiceLine;
import io.passerelle.document.InvoiceTerms;
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
 * The Approvals page: a tab per state, a row per document with its lines and total, and Accept and Reject for those
 * who may decide for its kind. Every token reads it, as every token reads {@code GET /api/approvals}; a decision is
 * checked as {@code POST /api/approvals/{itemId}/accept} checks it ({@link ApprovalAccess}: ADMIN, or an APPROVER
 * holding the kind's capability) and made by the same {@link ApprovalService}, recording the token's name.
 */
@Controller
class ApprovalPages {

    static final int PAGE_SIZE = 50;

    private final ApprovalService approvals;
    private final ApprovalAccess access;
    private final DocumentService<CommitmentTerms, CommitmentLine> commitments;
    private final DocumentService<InvoiceTerms, InvoiceLine> invoices;
    private final ConsoleMessages messages;

    ApprovalPages(ApprovalService approvals, ApprovalAccess access,
            DocumentService<CommitmentTerms, CommitmentLine> commitments,
            DocumentService<InvoiceTerms, InvoiceLine> invoices, ConsoleMessages messages) {
        this.approvals = approvals;
        this.access = access;
        this.commitments = commitments;
        this.invoices = invoices;
        this.messages = messages;
    }

    /** A tab, optionally of one connection or company (as {@code GET /api/approvals?connection=&company=}). */
    @GetMapping("/console/approvals")
    String list(@RequestParam(required = false) String state, @RequestParam(required = false) String after,
            @RequestParam(required = false) String connection, @RequestParam(required = false) String company,
            HttpServletResponse response, Model model) {
        Optional<ApprovalTab> tab = ApprovalTab.parse(state);
        if (tab.isEmpty()) {
            return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                    messages.text("console.approvals.noSuchTab", state));
        }
        ApprovalKind.ItemRef from = after == null || after.isBlank() ? null
                : ApprovalKind.parseItemId(after).orElse(null);
        return page(tab.get(), new Filter(connection, company), from, model);
    }

    @PostMapping("/console/approvals/{itemId}/accept")
    String accept(@PathVariable String itemId, @RequestParam(required = false) String connection,
            @RequestParam(required = false) String company, HttpServletResponse response, Model model,
            RedirectAttributes redirect) {
        return decide(itemId, null, true, new Filter(connection, company), response, model, redirect);
    }

    @PostMapping("/console/approvals/{itemId}/reject")
    String reject(@PathVariable String itemId, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String connection, @RequestParam(required = false) String company,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return decide(itemId, reason, false, new Filter(connection, company), response, model, redirect);
    }

    /** The page's filters (each null when not set), kept across a decision so that its answer shows the same rows. */
    public record Filter(String connection, String company) {
        public Filter {
            connection = connection == null || connection.isBlank() ? null : connection.strip();
            company = company == null || company.isBlank() ? null : company.strip();
        }

        /** The address of a tab (and page, after an item id) with these filters: {@code /console/approvals?state=…}. */
        public String href(String state, String after) {
            StringBuilder href = new StringBuilder("/console/approvals?state=").append(encode(state));
            for (String[] parameter : new String[][] {{"connection", connection}, {"company", company},
                    {"after", after}}) {
                if (parameter[1] != null) {
                    href.append('&').append(parameter[0]).append('=').append(encode(parameter[1]));
                }
            }
            return href.toString();
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private String decide(String itemId, String reason, boolean accept, Filter filter, HttpServletResponse response,
            Model model, RedirectAttributes redirect) {
        Optional<ApprovalKind.ItemRef> ref = ApprovalKind.parseItemId(itemId);
        if (ref.isEmpty()) {
            return notFound(itemId, response, model);
        }
        ApprovalKind kind = ref.get().kind();
        if (!access.canApprove(kind.name())) {
            ApiPrincipal me = ApiPrincipal.current().orElse(null);
            return ConsoleAdvice.problem(response, model, HttpStatus.FORBIDDEN.value(), messages.text(
                    "console.approvals.refused", me == null ? "" : me.name(), me == null ? "" : me.role(),
                    kindWord(kind), kind.name()));
        }
        String by = ApiPrincipal.current().map(ApiPrincipal::name).orElse(null);
        try {
            ApprovalItem decided = accept ? approvals.accept(ref.get(), by) : approvals.reject(ref.get(), reason, by);
            redirect.addFlashAttribute("notice", messages.text(accept ? "console.approvals.accepted"
                    : "console.approvals.rejected", kindWord(kind), decided.reference()));
            if (filter.connection() != null) {
                redirect.addAttribute("connection", filter.connection());
            }
            if (filter.company() != null) {
                redirect.addAttribute("company", filter.company());
            }
            return "redirect:/console/approvals";
        } catch (ItemNotFoundException e) {
            return notFound(itemId, response, model);
        } catch (ItemConflictException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("problem", e.getMessage());
            return page(ApprovalTab.READY, filter, null, model);
        } catch (InvalidItemException e) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", e.getMessage() + ": " + String.join("; ",
                    e.problems().stream().map(p -> p.field() + " " + p.message()).toList()));
            return page(ApprovalTab.READY, filter, null, model);
        }
    }

    private String page(ApprovalTab tab, Filter filter, ApprovalKind.ItemRef after, Model model) {
        ApprovalPage found = approvals.list(tab.state(), null, filter.company(), filter.connection(), after,
                PAGE_SIZE);
        List<ApprovalRow> rows = found.items().stream().filter(tab::shows).map(this::row).toList();
        model.addAttribute("tab", tab);
        model.addAttribute("filter", filter);
        model.addAttribute("tabs", ApprovalTab.values());
        model.addAttribute("rows", rows);
        model.addAttribute("next", found.next());
        return "console/approvals";
    }

    private ApprovalRow row(ApprovalItem item) {
        ApprovalKind.ItemRef ref = ApprovalKind.parseItemId(item.id()).orElseThrow();
        List<? extends DocumentLine> lines = switch (ref.kind()) {
            case COMMITMENTS -> commitments.get(ref.id()).lines();
            case INVOICES -> invoices.get(ref.id()).lines();
        };
        boolean mayDecide = item.state() == ApprovalState.READY
                && access.canApprove(item.kind().name());
        return new ApprovalRow(item, lines == null ? List.of() : lines, mayDecide);
    }

    private String kindWord(ApprovalKind kind) {
        return messages.text("console.kind." + kind.name());
    }

    private String notFound(String itemId, HttpServletResponse response, Model model) {
        return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                messages.text("console.approvals.notFound", itemId));
    }
}
