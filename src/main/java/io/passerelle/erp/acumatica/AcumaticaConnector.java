package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpConnector;
import io.passerelle.erp.http.RestTransport;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Acumatica for the ERP-neutral parts. The connection test signs in (taking one licence slot),
 * reads the version, and signs out again, naming what failed in words.
 */
@Component
public class AcumaticaConnector implements ErpConnector {

    public static final String COMMITMENTS = "commitments";
    public static final String INVOICES = "invoices";

    private final AcumaticaTransports transports;

    public AcumaticaConnector(AcumaticaTransports transports) {
        this.transports = transports;
    }

    @Override
    public String erp() {
        return AcumaticaSource.ERP;
    }

    @Override
    public List<String> inboundFlows() {
        return AcumaticaSource.FLOWS.stream().map(flow -> flow.name()).toList();
    }

    @Override
    public List<String> outboundFlows() {
        return List.of(COMMITMENTS, INVOICES);
    }

    /** Cookie sign-in needs user, password and tenant; OAuth 2.0 adds clientId and clientSecret. */
    @Override
    public Set<String> requiredCredentials() {
        return Set.of("user", "password");
    }

    @Override
    public Set<String> optionalCredentials() {
        return Set.of("tenant", "branch", "clientId", "clientSecret");
    }

    @Override
    public Set<String> endpointSchemes() {
        return Set.of("http", "https");
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", endpoint.url());
        RestTransport transport;
        try {
            transport = transports.probe(connection, endpoint);
        } catch (IllegalArgumentException e) {
            return result(false, endpoint, "configuration", e.getMessage(), details);
        }
        try (transport; AcumaticaSession session = transports.session(connection, transport)) {
            session.signIn();
            JsonNode version = session.version();
            details.put("version", version.path("version"));
            details.put("signIn", session.oauth() ? "oauth2" : "cookie");
            return result(true, endpoint, "ok", "signed in to Acumatica as '" + connection.credential("user")
                    + "' and out again", details);
        } catch (RuntimeException e) {
            return result(false, endpoint, kind(e), message(e), details);
        }
    }

    private static String kind(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof AcumaticaException refused) {
                if (refused.getMessage().contains(AcumaticaErrors.LOGIN_LIMIT)) {
                    return "login-limit";
                }
                return refused.status() == 401 || refused.getMessage().contains("Invalid credentials") ? "bad-credentials" : "error";
            }
            if (cause instanceof ConnectException) {
                return "refused";
            }
            if (cause instanceof HttpTimeoutException || cause instanceof java.net.SocketTimeoutException
                    || cause.getClass().getSimpleName().contains("Timeout")) {
                return "timed-out";
            }
        }
        return "error";
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

    private static ConnectionTestResult result(boolean ok, Endpoint endpoint, String kind, String message,
            Map<String, Object> details) {
        details.put("result", kind);
        return new ConnectionTestResult(ok, endpoint.name(), message, details);
    }
}
