package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpConnector;
import io.passerelle.erp.avantage.codec.ConnectionDeniedException;
import io.passerelle.erp.avantage.codec.EncryptionRejectedException;
import io.passerelle.erp.avantage.codec.GreetingTimeoutException;
import io.passerelle.erp.avantage.codec.MainTcpException;
import io.passerelle.erp.avantage.codec.NotAvantageServerException;
import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.ExchangeTimedOutException;
import org.springframework.stereotype.Component;

/**
 * Avantage for the ERP-neutral parts. The connection test does what the seed asks a customer to do
 * with telnet, then logs in, and names what failed: refused, timed out, not Avantage, denied,
 * encryption key rejected, bad credentials.
 */
@Component
public class AvantageConnector implements ErpConnector {

    private final AvantageTransports transports;

    public AvantageConnector(AvantageTransports transports) {
        this.transports = transports;
    }

    @Override
    public String erp() {
        return AvantageSource.ERP;
    }

    @Override
    public List<String> inboundFlows() {
        return AvantageSource.FLOWS.stream().map(flow -> flow.name()).toList();
    }

    @Override
    public List<String> outboundFlows() {
        return List.of(AvantageFlows.TIMESHEETS);
    }

    @Override
    public Set<String> requiredCredentials() {
        return Set.of("user", "password");
    }

    @Override
    public Set<String> optionalCredentials() {
        return Set.of("encryptionKey");
    }

    @Override
    public Set<String> endpointSchemes() {
        return Set.of("tcp");
    }

    @Override
    public ConnectionTestResult test(Connection connection, Endpoint endpoint) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", endpoint.url());
        AvantageTransport transport;
        try {
            transport = transports.probe(connection, endpoint);
        } catch (IllegalArgumentException e) {
            return result(false, endpoint, "configuration", e.getMessage(), details);
        }
        try (transport) {
            AvantageSession session = transports.session(connection, transport);
            JsonNode pong = session.ping();
            details.put("serverTime", pong.path("serverTime").asText(null));
            JsonNode login = session.login();
            details.put("company", login.path("company"));
            return result(true, endpoint, "ok", "reached Avantage and logged in as '" + connection.credential("user") + "'", details);
        } catch (RuntimeException e) {
            Failure failure = classify(e);
            return result(false, endpoint, failure.kind(), failure.message(), details);
        }
    }

    private record Failure(String kind, String message) {
    }

    static Failure classify(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
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

    private static ConnectionTestResult result(boolean ok, Endpoint endpoint, String kind, String message,
            Map<String, Object> details) {
        details.put("result", kind);
        return new ConnectionTestResult(ok, endpoint.name(), message, details);
    }
}
