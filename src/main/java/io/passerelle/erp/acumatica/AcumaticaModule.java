package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpOption;
import io.passerelle.document.CommitmentLine;
import io.passerelle.document.CommitmentTerms;
import io.passerelle.document.DocumentSource;
import io.passerelle.document.InvoiceLine;
import io.passerelle.document.InvoiceTerms;
import io.passerelle.erp.ErpDescriptor;
import io.passerelle.erp.ErpModule;
import io.passerelle.erp.http.RequestBudgets;
import io.passerelle.erp.http.Reachability;
import io.passerelle.erp.http.RestTransport;
import io.passerelle.export.OutboundFlow;
import io.passerelle.run.Causes;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourceSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Acumatica Cloud ERP over its contract-based REST API: the job structure in (projects and their tasks, cost codes,
 * vendors, customers, employees, project templates), commitments and subcontractor bills out once an accounting
 * approver released them. The connection test signs in (taking one licence slot), reads the version, and signs out
 * again, naming what failed in words.
 */
@Component
public class AcumaticaModule extends ErpModule {

    public static final String ERP = "acumatica";

    /** Projects before their tasks: a task is stored under its project. */
    static final List<InboundFlowSpec> FLOWS = List.of(
            new InboundFlowSpec("projects", CanonicalEntity.PROJECT, AcumaticaMappers::project),
            new InboundFlowSpec("projectTasks", CanonicalEntity.PROJECT_TASK, AcumaticaMappers::projectTask),
            new InboundFlowSpec("costCodes", CanonicalEntity.COST_CODE, AcumaticaMappers::costCode),
            new InboundFlowSpec("vendors", CanonicalEntity.VENDOR, AcumaticaMappers::vendor),
            new InboundFlowSpec("customers", CanonicalEntity.CUSTOMER, AcumaticaMappers::customer),
            new InboundFlowSpec("employees", CanonicalEntity.EMPLOYEE, AcumaticaMappers::employee),
            new InboundFlowSpec("projectTemplates", CanonicalEntity.PROJECT_TEMPLATE, AcumaticaMappers::projectTemplate));

    /** Cookie sign-in needs user, password and tenant; OAuth 2.0 adds clientId and clientSecret. */
    private static final ErpDescriptor DESCRIPTOR = new ErpDescriptor(ERP,
            "Acumatica Cloud ERP, contract-based REST API (Default/24.200.001)", Set.of("http", "https"),
            List.of(CredentialKey.required("user", "the Acumatica user Passerelle signs in as", false),
                    CredentialKey.required("password", "that user's password", true),
                    CredentialKey.optional("tenant", "the tenant (company) to sign in to, when the instance has several", false),
                    CredentialKey.optional("branch", "the branch to sign in to", false),
                    CredentialKey.optional("clientId", "OAuth 2.0 client id of a connected application: signs in "
                            + "with the password grant instead of a cookie session", false),
                    CredentialKey.optional("clientSecret", "that connected application's secret", true)),
            List.of(new ErpOption("endpointVersion", "the contract endpoint's version", "24.200.001"),
                    RequestBudgets.option(ERP, AcumaticaProperties.REQUESTS_PER_MINUTE)));

    private final AcumaticaTransports transports;
    private final AcumaticaSource source;

    public AcumaticaModule(AcumaticaTransports transports,
            DocumentSource<CommitmentTerms, CommitmentLine> commitments, AcumaticaCommitmentSink subcontracts,
            DocumentSource<InvoiceTerms, InvoiceLine> invoices, AcumaticaBillSink bills) {
        super(DESCRIPTOR, FLOWS, List.of(
                // commitments an accounting approver accepted (or the connection auto-accepts) → Subcontract / PurchaseOrder
                new OutboundFlow<>(ERP, "commitments", commitments, subcontracts),
                // accepted subcontractor invoices → Bill on hold
                new OutboundFlow<>(ERP, "invoices", invoices, bills)));
        this.transports = transports;
        this.source = new AcumaticaSource(transports);
    }

    @Override
    public SourceSession open(Connection connection) {
        return source.open(connection);
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", endpoint.url());
        RestTransport transport;
        try {
            transport = transports.probe(connection, endpoint);
        } catch (IllegalArgumentException e) {
            return testResult(false, endpoint, "configuration", e.getMessage(), details);
        }
        try (transport; AcumaticaSession session = transports.session(connection, transport)) {
            session.signIn();
            JsonNode version = session.version();
            details.put("version", version.path("version"));
            details.put("signIn", session.oauth() ? "oauth2" : "cookie");
            return testResult(true, endpoint, "ok", "signed in to Acumatica as '" + connection.credential("user")
                    + "' and out again", details);
        } catch (RuntimeException e) {
            return testResult(false, endpoint, kind(e), message(e), details);
        }
    }

    private static String kind(Throwable failure) {
        for (Throwable cause : Causes.chain(failure)) {
            if (cause instanceof AcumaticaException refused) {
                if (refused.getMessage().contains(AcumaticaErrors.LOGIN_LIMIT)) {
                    return "login-limit";
                }
                return refused.status() == 401 || refused.getMessage().contains("Invalid credentials") ? "bad-credentials" : "error";
            }
        }
        if (Reachability.timedOut(failure).isPresent()) {
            return "timed-out";
        }
        return Reachability.neverConnected(failure).isPresent() ? "refused" : "error";
    }

    private static String message(Throwable failure) {
        return switch (kind(failure)) {
            case "refused" -> "connection refused: nothing answers at that address";
            case "timed-out" -> "timed out: no answer in time";
            case "bad-credentials" -> "Acumatica rejected the user name, password or tenant";
            case "login-limit" -> "Acumatica refused the sign-in: all of the tenant's API user slots are in use (API Login Limit)";
            default -> failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        };
    }
}
