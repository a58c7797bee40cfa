package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.erp.ErpDescriptor;
import io.passerelle.erp.ErpModule;
import io.passerelle.erp.avantage.codec.ConnectionDeniedException;
import io.passerelle.erp.avantage.codec.EncryptionRejectedException;
import io.passerelle.erp.avantage.codec.GreetingTimeoutException;
import io.passerelle.erp.avantage.codec.MainTcpException;
import io.passerelle.erp.avantage.codec.NotAvantageServerException;
import io.passerelle.export.OutboundFlow;
import io.passerelle.run.Causes;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourceSession;
import io.passerelle.timesheet.TimesheetLineSource;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.camel.ExchangeTimedOutException;
import org.springframework.stereotype.Component;

/**
 * Avantage, on the customer's server over MainTCP: master data in through {@code LIST}, validated timesheet lines
 * out (seed "Envoyer des données de temps"). The connection test does what the seed asks a customer to do with
 * telnet, then logs in, and names what failed: refused, timed out, not Avantage, denied, encryption key rejected,
 * bad credentials.
 */
@Component
public class AvantageModule extends ErpModule {

    public static final String ERP = "avantage";

    /**
     * Projects before activities: an activity is stored under its project. Suppliers before the purchase orders that
     * name them (an order does not need its supplier or project synced first, but reads better after them).
     */
    static final List<InboundFlowSpec> FLOWS = List.of(
            new InboundFlowSpec("projects", CanonicalEntity.PROJECT, AvantageMappers::project),
            new InboundFlowSpec("employees", CanonicalEntity.EMPLOYEE, AvantageMappers::employee),
            new InboundFlowSpec("trades", CanonicalEntity.TRADE, AvantageMappers::trade),
            new InboundFlowSpec("activities", CanonicalEntity.ACTIVITY, AvantageMappers::activity),
            new InboundFlowSpec("earnings", CanonicalEntity.EARNING, AvantageMappers::earning),
            new InboundFlowSpec("hourTypes", CanonicalEntity.HOUR_TYPE, AvantageMappers::hourType),
            // Avantage's suppliers are the company's vendors, in the table Acumatica's vendors are in
            new InboundFlowSpec("suppliers", CanonicalEntity.VENDOR, AvantageMappers::supplier),
            new InboundFlowSpec("purchaseOrders", CanonicalEntity.PURCHASE_ORDER, AvantageMappers::purchaseOrder));

    private static final ErpDescriptor DESCRIPTOR = new ErpDescriptor(ERP,
            "Avantage on the customer's server, over its MainTCP socket", Set.of("tcp"),
            List.of(CredentialKey.required("user", "the Avantage user Passerelle logs in as", false),
                    CredentialKey.required("password", "that user's password", true),
                    CredentialKey.optional("encryptionKey",
                            "the server's MainTCP encryption key (base64 of 32 bytes), when it encrypts", true)),
            List.of());

    private final AvantageTransports transports;
    private final AvantageSource source;

    public AvantageModule(AvantageTransports transports, ObjectMapper mapper, TimesheetLineSource lines,
            AvantageTimesheetSink timesheets) {
        // validated and frozen timesheet lines to Avantage's Timesheet management
        super(DESCRIPTOR, FLOWS, List.of(new OutboundFlow<>(ERP, "timesheets", lines, timesheets)));
        this.transports = transports;
        this.source = new AvantageSource(transports, mapper);
    }

    /** The flows whose LIST takes {@code project} (avantage-maintcp.md §4, §5): one project's records alone. */
    static final Set<String> BY_PROJECT = Set.of("activities", "purchaseOrders");

    @Override
    public Optional<String> refusesProject(String flow) {
        return BY_PROJECT.contains(flow) ? Optional.empty() : super.refusesProject(flow);
    }

    @Override
    public SourceSession open(Connection connection) {
        return source.open(connection);
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", endpoint.url());
        AvantageTransport transport;
        try {
            transport = transports.probe(connection, endpoint);
        } catch (IllegalArgumentException e) {
            return testResult(false, endpoint, "configuration", e.getMessage(), details);
        }
        try (transport) {
            AvantageSession session = transports.session(connection, transport);
            JsonNode pong = session.ping();
            details.put("serverTime", pong.path("serverTime").asText(null));
            JsonNode login = session.login();
            details.put("company", login.path("company"));
            return testResult(true, endpoint, "ok", "reached Avantage and logged in as '" + connection.credential("user") + "'", details);
        } catch (RuntimeException e) {
            Failure failure = classify(e);
            return testResult(false, endpoint, failure.kind(), failure.message(), details);
        }
    }

    private record Failure(String kind, String message) {
    }

    static Failure classify(Throwable failure) {
        for (Throwable cause : Causes.chain(failure)) {
            if (cause instanceof ConnectionDeniedException) {
                return new Failure("denied", cause.getMessage());
            }
            if (cause instanceof NotAvantageServerException) {
                return new Failure("not-avantage", cause.getMessage());
            }
            if (cause instanceof GreetingTimeoutException) {
                return new Failure("timed-out", cause.getMessage());
            }
            if (cause instanceof EncryptionRejectedException) {
                return new Failure("encryption-key-rejected", cause.getMessage());
            }
            if (cause instanceof AvantageErrorException refused && "AUTH_FAILED".equals(refused.code())) {
                return new Failure("bad-credentials", "Avantage rejected the user name or password");
            }
            if (cause instanceof io.netty.channel.ConnectTimeoutException || cause instanceof java.net.SocketTimeoutException
                    || cause instanceof ExchangeTimedOutException) {
                return new Failure("timed-out", "timed out: no answer from the server in time");
            }
            if (cause instanceof ConnectException) {
                return new Failure("refused", "connection refused: nothing listens on that host and port, "
                        + "or a firewall rejects us");
            }
            if (cause instanceof MainTcpException || cause instanceof AvantageErrorException) {
                return new Failure("error", cause.getMessage());
            }
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null
                    && cause.getMessage().startsWith("encryption key")) {
                return new Failure("configuration", cause.getMessage());
            }
        }
        String message = failure.getMessage();
        return new Failure("error", message == null ? failure.getClass().getSimpleName() : message);
    }
}
