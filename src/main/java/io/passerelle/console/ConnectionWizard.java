package io.passerelle.console;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import io.passerelle.api.AccessRefusedException;
import io.passerelle.api.ConnectionGuard;
import io.passerelle.api.security.ConnectionAccess;
import io.passerelle.connection.ArchivedConnectionMismatchException;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionAlreadyExistsException;
import io.passerelle.connection.ConnectionDocument;
import io.passerelle.connection.ConnectionDocument.CompanyDocument;
import io.passerelle.connection.ConnectionDocument.EndpointDocument;
import io.passerelle.connection.ConnectionService;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.ConnectionTester;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.ErpConnector;
import io.passerelle.connection.ErpConnectors;
import io.passerelle.connection.ErpOption;
import io.passerelle.connection.FieldProblem;
import io.passerelle.connection.InvalidConnectionException;
import io.passerelle.sync.SyncTargets;
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
 * New connection: pick the ERP, then one form made from what its module declares (its credentials, secret ones as
 * password fields, and its options, each with its description and default) beside its setup notes; every form is this
 * one, so a new ERP needs no page of its own. The form is stored as {@code POST /api/connections} stores a body, with
 * the same checks ({@link ConnectionGuard#creation()}), so a refusal names the same field, shown beside it. The
 * connection is then tested; one that reaches several companies goes on to choosing them.
 */
@Controller
class ConnectionWizard {

    static final String ID = "id";
    static final String COMPANY_CODE = "company.code";
    static final String COMPANY_NAME = "company.name";
    static final String ENDPOINT = "endpoint";
    static final String ALLOW_OTHERS = "allowOthersToEdit";
    static final String CREDENTIAL = "credentials.";
    static final String OPTION = "options.";
    /** The name every connection made here gives its one endpoint, as the sandbox's connections do. */
    static final String ENDPOINT_NAME = "main";

    private final ErpConnectors erps;
    private final List<ErpConnector> all;
    private final ConnectionService connections;
    private final ConnectionGuard guard;
    private final ConnectionTester tester;
    private final SyncTargets targets;
    private final ConsoleMessages messages;

    ConnectionWizard(ErpConnectors erps, List<ErpConnector> all, ConnectionService connections, ConnectionGuard guard,
            ConnectionTester tester, SyncTargets targets, ConsoleMessages messages) {
        this.erps = erps;
        this.all = all.stream().sorted((a, b) -> a.erp().compareTo(b.erp())).toList();
        this.connections = connections;
        this.guard = guard;
        this.tester = tester;
        this.targets = targets;
        this.messages = messages;
    }

    @GetMapping("/console/connections/new")
    String chooseErp(Model model) {
        model.addAttribute("erps", all);
        return "console/connection-new";
    }

    @GetMapping("/console/connections/new/{erp}")
    String form(@PathVariable String erp, HttpServletResponse response, Model model) {
        Optional<ErpConnector> connector = erps.find(erp);
        if (connector.isEmpty()) {
            return unknownErp(erp, response, model);
        }
        return form(connector.get(), Map.of(), Map.of(), List.of(), model);
    }

    @PostMapping("/console/connections/new/{erp}")
    String create(@PathVariable String erp, @RequestParam MultiValueMap<String, String> form,
            HttpServletResponse response, Model model, RedirectAttributes redirect) {
        Optional<ErpConnector> found = erps.find(erp);
        if (found.isEmpty()) {
            return unknownErp(erp, response, model);
        }
        ErpConnector connector = found.get();
        Map<String, String> values = new LinkedHashMap<>(form.toSingleValueMap());
        values.remove("_csrf");
        ConnectionDocument document = document(connector, values);
        document.ownedBy(guard.ownerOfNew(null));
        ConnectionGuard.Checked check = guard.creation();
        Connection created;
        try {
            created = connections.create(document, check);
        } catch (InvalidConnectionException e) {
            response.setStatus(e.unprocessable() ? HttpStatus.UNPROCESSABLE_ENTITY.value()
                    : HttpStatus.BAD_REQUEST.value());
            return refused(connector, values, e.problems(), model);
        } catch (ConnectionAlreadyExistsException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return refused(connector, values, List.of(new FieldProblem(ID, messages.text("console.wizard.idTaken"))),
                    model);
        } catch (ArchivedConnectionMismatchException e) {
            response.setStatus(HttpStatus.CONFLICT.value());
            return refused(connector, values, List.of(new FieldProblem(formName(e.field()), e.getMessage())), model);
        } catch (AccessRefusedException e) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            return refused(connector, values, List.of(new FieldProblem(formName(e.problem().field()),
                    e.problem().message())), model);
        }
        ConnectionTestResult test = tester.test(created.id(), null);
        redirect.addFlashAttribute("notice", messages.text("console.wizard.created", created.id()));
        redirect.addFlashAttribute("test", test);
        redirect.addFlashAttribute("warnings", check.warnings(created.ownership()));
        return targets.perCompany(created) ? "redirect:/console/connections/" + created.id() + "/companies"
                : "redirect:/console/connections/" + created.id();
    }

    /** The connection as the API's body would say it: only what the form filled in, so that defaults apply. */
    static ConnectionDocument document(ErpConnector connector, Map<String, String> values) {
        Map<String, String> credentials = new LinkedHashMap<>();
        for (CredentialKey key : connector.credentials()) {
            String value = values.get(CREDENTIAL + key.name());
            if (value != null && !value.isEmpty()) {
                credentials.put(key.name(), value);
            }
        }
        Map<String, Object> options = new LinkedHashMap<>();
        for (ErpOption option : connector.options()) {
            String value = blankToNull(values.get(OPTION + option.name()));
            if (value != null) {
                options.put(option.name(), value);
            }
        }
        String url = blankToNull(values.get(ENDPOINT));
        return new ConnectionDocument(blankToNull(values.get(ID)),
                new CompanyDocument(blankToNull(values.get(COMPANY_CODE)), blankToNull(values.get(COMPANY_NAME))),
                connector.erp(), url == null ? List.of() : List.of(new EndpointDocument(ENDPOINT_NAME, url, true)),
                credentials, Map.of(), options, null, values.containsKey(ALLOW_OTHERS));
    }

    /** The form's name of a field the API names: {@code endpoints[0].url} is the form's one endpoint. */
    static String formName(String apiField) {
        if (apiField == null) {
            return null;
        }
        if (apiField.startsWith("endpoints")) {
            return ENDPOINT;
        }
        if ("company".equals(apiField)) {
            return COMPANY_CODE;
        }
        return apiField;
    }

    private String refused(ErpConnector connector, Map<String, String> values, List<FieldProblem> problems,
            Model model) {
        Map<String, String> byField = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        List<String> fields = fields(connector, values, Map.of()).stream().map(WizardField::param).toList();
        for (FieldProblem problem : problems) {
            String field = formName(problem.field());
            if (field != null && fields.contains(field)) {
                byField.merge(field, problem.message(), (a, b) -> a + "; " + b);
            } else {
                general.add(problem.field() == null ? problem.message() : problem.field() + ": " + problem.message());
            }
        }
        model.addAttribute("problem", messages.text("console.wizard.refused"));
        return form(connector, values, byField, general, model);
    }

    private String form(ErpConnector connector, Map<String, String> values, Map<String, String> problems,
            List<String> general, Model model) {
        model.addAttribute("erp", connector);
        model.addAttribute("notes", notes(connector.erp()));
        model.addAttribute("fields", fields(connector, values, problems));
        model.addAttribute("generalProblems", general);
        model.addAttribute("allowOthers", values.containsKey(ALLOW_OTHERS));
        model.addAttribute("allowOthersProblem", problems.get(ALLOW_OTHERS));
        model.addAttribute("openedWarning", ConnectionAccess.OPENED_WARNING);
        return "console/connection-wizard";
    }

    /** Every field of the form, in the order a person fills them in: who, where, how to sign in, then the options. */
    List<WizardField> fields(ErpConnector connector, Map<String, String> values, Map<String, String> problems) {
        String erp = connector.erp();
        List<WizardField> fields = new ArrayList<>();
        fields.add(field(ID, messages.text("console.wizard.id"), messages.text("console.wizard.idHelp"), true, false,
                null, values, problems));
        fields.add(field(COMPANY_CODE, messages.text("console.wizard.companyCode"),
                messages.text("console.wizard.companyCodeHelp"), true, false, null, values, problems));
        fields.add(field(COMPANY_NAME, messages.text("console.wizard.companyName"),
                messages.text("console.wizard.companyNameHelp"), true, false, null, values, problems));
        fields.add(field(ENDPOINT, messages.text("console.wizard.endpoint"),
                messages.text("console.wizard.endpointHelp", String.join(", ", connector.endpointSchemes().stream()
                        .sorted().map(scheme -> scheme + "://").toList())), true, false,
                messages.textOr("erp." + erp + ".endpoint.example", null), values, problems));
        for (CredentialKey key : connector.credentials()) {
            fields.add(field(CREDENTIAL + key.name(), key.name(),
                    messages.textOr("erp." + erp + ".credential." + key.name(), key.description()), key.required(),
                    key.secret(), null, values, problems));
        }
        for (ErpOption option : connector.options()) {
            String help = messages.textOr("erp." + erp + ".option." + option.name(), option.description());
            if (option.patternDescription() != null) {
                help = help + " (" + messages.text("console.wizard.mustBe", option.patternDescription()) + ")";
            }
            fields.add(field(OPTION + option.name(), option.name(), help, option.required(), false,
                    option.defaultValue(), values, problems));
        }
        return fields;
    }

    private static WizardField field(String param, String label, String help, boolean required, boolean secret,
            String placeholder, Map<String, String> values, Map<String, String> problems) {
        return new WizardField(param, label, help, required, secret, values.get(param), placeholder,
                problems.get(param));
    }

    /** The ERP's setup notes ({@code erp.<erp>.setup.1}, {@code .2}, … in {@code messages/erp-setup*.properties}). */
    private List<String> notes(String erp) {
        return IntStream.rangeClosed(1, 20).mapToObj(n -> messages.textOr("erp." + erp + ".setup." + n, null))
                .takeWhile(note -> note != null).toList();
    }

    private String unknownErp(String erp, HttpServletResponse response, Model model) {
        return ConsoleAdvice.problem(response, model, HttpStatus.NOT_FOUND.value(),
                messages.text("console.wizard.unknownErp", erp));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
