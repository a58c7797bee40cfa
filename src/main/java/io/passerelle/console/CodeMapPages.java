package io.passerelle.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.passerelle.api.security.ApiPrincipal;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.api.security.ConnectionAccess.Action;
import io.passerelle.codemap.CodeMapDocument;
import io.passerelle.codemap.CodeMapEntry;
import io.passerelle.codemap.CodeMapKind;
import io.passerelle.codemap.CodeMapService;
import io.passerelle.codemap.InvalidCodeMapException;
import io.passerelle.codemap.ProjectSuggestionPage;
import io.passerelle.codemap.ProjectSuggestions;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.FieldProblem;
import io.passerelle.sync.RecordReader;
import io.passerelle.sync.UnknownEntityException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A connection's code maps (hour types, expenses and premiums, projects) as tables: every token reads them, as every
 * token reads {@code GET /api/connections/{id}/maps/{kind}}; "Save" replaces the whole map as
 * {@code PUT …/maps/{kind}} does, through the same {@link CodeMapService} (its validation, its problems named as the API
 * names them, {@code entries[2].erpCode}), for those {@link ConnectionAccess} lets {@link Action#CHANGE} it. The ERP's
 * synced codes are offered to pick; for projects, the {@link ProjectSuggestions} can be taken into the table, to be
 * saved like any other row: a suggestion links nothing by itself.
 */
@Controller
class CodeMapPages {

    /** The synced ERP codes offered to pick from: a records page as big as the API gives. */
    static final int ERP_CODES = 1000;
    /** A form's field: {@code entries[3].erpCode}. Four digits: a map has at most a thousand entries. */
    private static final Pattern FIELD = Pattern.compile("entries\\[(\\d{1,4})]\\.(platformCode|erpCode|regular|remove)");
    private static final Pattern PROBLEM = Pattern.compile("entries\\[(\\d+)]\\.(\\w+)");

    private final ConnectionService connections;
    private final TimesheetConnections exporting;
    private final CodeMapService maps;
    private final ProjectSuggestions suggestions;
    private final RecordReader records;
    private final ConnectionAccess access;
    private final ConsoleMessages messages;

    CodeMapPages(ConnectionService connections, TimesheetConnections exporting, CodeMapService maps,
            ProjectSuggestions suggestions, RecordReader records, ConnectionAccess access, ConsoleMessages messages) {
        this.connections = connections;
        this.exporting = exporting;
        this.maps = maps;
        this.suggestions = suggestions;
        this.records = records;
        this.access = access;
        this.messages = messages;
    }

    /** The map; {@code take=suggestions} (projects) adds the first suggestion of each unlinked project as a row. */
    @GetMapping("/console/connections/{id}/maps/{kind}")
    String map(@PathVariable String id, @PathVariable String kind, @RequestParam(required = false) String take,
            HttpServletResponse response, Model model) {
        Optional<Connection> connection = connections.find(id);
        Optional<CodeMapKind> mapKind = CodeMapKind.fromPath(kind);
        if (connection.isEmpty() || mapKind.isEmpty()) {
            return notFound(id, kind, response, model);
        }
        List<CodeMapRow> rows = new ArrayList<>(maps.get(id, mapKind.get().path()).entries().stream()
                .map(e -> new CodeMapRow(e.platformCode(), e.erpCode(), e.markedRegular(), null)).toList());
        if ("suggestions".equals(take) && mapKind.get() == CodeMapKind.PROJECTS
                && access.may(caller(), connection.get().ownership(), Action.CHANGE)) {
            int taken = take(id, rows);
            model.addAttribute("notice", messages.text("console.maps.taken", taken));
        }
        return page(connection.get(), mapKind.get(), rows, model);
    }

    @PostMapping("/console/connections/{id}/maps/{kind}")
    String save(@PathVariable String id, @PathVariable String kind, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<Connection> connection = connections.find(id);
        Optional<CodeMapKind> mapKind = CodeMapKind.fromPath(kind);
        if (connection.isEmpty() || mapKind.isEmpty()) {
            return notFound(id, kind, response, model);
        }
        Optional<String> refusal = access.refusal(caller(), connection.get().ownership(), Action.CHANGE);
        if (refusal.isPresent()) {
            return ConsoleAdvice.problem(response, model, HttpStatus.FORBIDDEN.value(),
                    messages.text("console.maps.refused", refusal.get()));
        }
        // the rows sent, in order: the ones marked Remove and the empty ones are not entries; so row i is entries[i]
        List<CodeMapEntry> entries = sent(form);
        try {
            CodeMapDocument saved = maps.replace(id, mapKind.get().path(), new CodeMapDocument(entries));
            redirect.addFlashAttribute("notice", messages.text("console.maps.saved", kindWord(mapKind.get()),
                    saved.entries().size()));
            return "redirect:/console/connections/" + id + "/maps/" + mapKind.get().path();
        } catch (InvalidCodeMapException e) {
            response.setStatus(e.unprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY.value()
                    : HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", messages.text("console.maps.notSaved", e.getMessage()));
            model.addAttribute("problems", e.problems());
            return page(connection.get(), mapKind.get(), rows(entries, e.problems()), model);
        } catch (ConnectionNotFoundException e) {
            return notFound(id, kind, response, model);
        }
    }

    private String page(Connection connection, CodeMapKind kind, List<CodeMapRow> rows, Model model) {
        ApiPrincipal caller = caller();
        boolean mayChange = access.may(caller, connection.ownership(), Action.CHANGE);
        model.addAttribute("connection", connection);
        model.addAttribute("kind", kind.path());
        model.addAttribute("kinds", List.of(CodeMapKind.values()).stream().map(CodeMapKind::path).toList());
        model.addAttribute("regular", kind.hasRegular());
        model.addAttribute("rows", rows);
        model.addAttribute("exportsTimesheets", exporting.exportsTimesheets(connection));
        model.addAttribute("mayChange", mayChange);
        model.addAttribute("whyNot", access.refusal(caller, connection.ownership(), Action.CHANGE).orElse(null));
        // picking from the synced codes reads the company's data: only with the form, whose users may change it
        model.addAttribute("erpCodes", mayChange ? erpCodes(connection.id(), kind) : List.of());
        model.addAttribute("suggestions", mayChange && kind == CodeMapKind.PROJECTS
                ? suggestions.forCodes(connection.id(), null).items() : List.of());
        return "console/maps";
    }

    /** The ERP's codes of the kind the connection synced, to pick from; none for an ERP without such records. */
    private List<ErpCode> erpCodes(String connectionId, CodeMapKind kind) {
        String code = kind == CodeMapKind.PROJECTS ? "number" : "code";
        String label = kind == CodeMapKind.PROJECTS ? "name" : "description";
        try {
            return records.list(connectionId, kind.path(), null, ERP_CODES, null).items().stream()
                    .filter(r -> r.get(code) != null)
                    .map(r -> new ErpCode(String.valueOf(r.get(code)), r.get(label) == null ? null
                            : String.valueOf(r.get(label)))).toList();
        } catch (UnknownEntityException e) {
            return List.of();
        }
    }

    /** Adds the first suggestion of each project the map does not link yet; answers how many rows it added. */
    private int take(String connectionId, List<CodeMapRow> rows) {
        Set<String> mapped = rows.stream().map(CodeMapRow::platformCode).collect(Collectors.toSet());
        int taken = 0;
        for (ProjectSuggestionPage.Item item : suggestions.forCodes(connectionId, null).items()) {
            if (item.linked() == null && !item.suggestions().isEmpty() && mapped.add(item.platformCode())) {
                rows.add(new CodeMapRow(item.platformCode(), item.suggestions().get(0).erpCode(), false, null));
                taken++;
            }
        }
        return taken;
    }

    /** The form's rows as the entries of a document, in the order of their index. */
    private static List<CodeMapEntry> sent(MultiValueMap<String, String> form) {
        TreeMap<Integer, Map<String, String>> byRow = new TreeMap<>();
        form.forEach((name, values) -> {
            Matcher field = FIELD.matcher(name);
            if (field.matches() && values != null && !values.isEmpty()) {
                byRow.computeIfAbsent(Integer.parseInt(field.group(1)), i -> new HashMap<>())
                        .put(field.group(2), values.get(0));
            }
        });
        List<CodeMapEntry> entries = new ArrayList<>();
        for (Map<String, String> row : byRow.values()) {
            String platform = row.getOrDefault("platformCode", "");
            String erp = row.getOrDefault("erpCode", "");
            boolean regular = row.containsKey("regular");
            if (row.containsKey("remove") || (platform.isBlank() && erp.isBlank() && !regular)) {
                continue;
            }
            entries.add(new CodeMapEntry(platform, erp, regular ? Boolean.TRUE : null));
        }
        return entries;
    }

    /** The entries sent, as rows again, each with the problems the API named for it. */
    private static List<CodeMapRow> rows(List<CodeMapEntry> entries, List<FieldProblem> problems) {
        Map<Integer, Map<String, String>> byRow = new HashMap<>();
        for (FieldProblem problem : problems) {
            Matcher field = PROBLEM.matcher(problem.field() == null ? "" : problem.field());
            if (field.matches()) {
                byRow.computeIfAbsent(Integer.parseInt(field.group(1)), i -> new LinkedHashMap<>())
                        .merge(field.group(2), problem.message(), (a, b) -> a + "; " + b);
            }
        }
        List<CodeMapRow> rows = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            CodeMapEntry entry = entries.get(i);
            rows.add(new CodeMapRow(entry.platformCode(), entry.erpCode(), entry.markedRegular(), byRow.get(i)));
        }
        return rows;
    }

    private String kindWord(CodeMapKind kind) {
        return messages.text("console.maps.kind." + kind.path());
    }

    private String notFound(String id, String kind, HttpServletResponse response, Model model) {
        return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                connections.find(id).isEmpty() ? messages.text("console.connection.notFound", id)
                        : messages.text("console.maps.noSuchKind", kind, CodeMapKind.paths()));
    }

    private static ApiPrincipal caller() {
        return ApiPrincipal.current().orElse(null);
    }
}
