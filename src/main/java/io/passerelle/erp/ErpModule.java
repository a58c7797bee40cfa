package io.passerelle.erp;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionTestResult;
import io.passerelle.connection.CredentialKey;
import io.passerelle.connection.Endpoint;
import io.passerelle.connection.ErpConnector;
import io.passerelle.connection.ErpOption;
import io.passerelle.export.OutboundFlow;
import io.passerelle.export.OutboundSource;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.InboundSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The one registration of an ERP: its name, credentials, options and endpoint schemes ({@link ErpDescriptor}),
 * its inbound flows in dependency order (each with the canonical table it writes and its mapper; what it reads is
 * in its route file {@code routes/<erp>/<flow>.camel.yaml}), its outbound flows, its sessions and its connection
 * test. The validator, the launchers, the scheduler, the API and the route check all read this one bean, through the
 * interfaces each of them owns; flow names are written here and nowhere else.
 */
public abstract class ErpModule implements ErpConnector, InboundSource, OutboundSource {

    private final ErpDescriptor descriptor;
    private final List<InboundFlowSpec> inbound;
    private final List<OutboundFlow<?, ?>> outbound;

    /**
     * @param inbound  dependencies first: {@code sync/all} runs them in this order (projects before their tasks)
     * @param outbound none when the ERP only feeds the platform
     */
    protected ErpModule(ErpDescriptor descriptor, List<InboundFlowSpec> inbound, List<OutboundFlow<?, ?>> outbound) {
        this.descriptor = descriptor;
        this.inbound = List.copyOf(inbound);
        this.outbound = List.copyOf(outbound);
    }

    @Override
    public final String erp() {
        return descriptor.name();
    }

    @Override
    public final String description() {
        return descriptor.description();
    }

    @Override
    public final List<CredentialKey> credentials() {
        return descriptor.credentials();
    }

    /** The ERP's own, and {@code routes} that every connection may set. */
    @Override
    public final List<ErpOption> options() {
        List<ErpOption> options = new java.util.ArrayList<>(descriptor.options());
        options.add(new ErpOption(Connection.ROUTES_OPTION, "per flow, a route file below routes/ that this "
                + "connection runs instead of routes/" + erp() + "/<flow>.camel.yaml, e.g. "
                + "{\"vendors\": \"custom/acme-vendors.camel.yaml\"}", null));
        return options;
    }

    @Override
    public final Set<String> endpointSchemes() {
        return descriptor.endpointSchemes();
    }

    @Override
    public final List<String> inboundFlows() {
        return inbound().stream().map(InboundFlowSpec::name).toList();
    }

    @Override
    public final List<String> outboundFlows() {
        return outbound().stream().map(OutboundFlow::name).toList();
    }

    @Override
    public final List<InboundFlowSpec> inbound() {
        return inbound;
    }

    @Override
    public final List<OutboundFlow<?, ?>> outbound() {
        return outbound;
    }

    /** What a connection test does over a transport of its own, filling {@code details}. */
    @FunctionalInterface
    protected interface ProbeTest<T> {
        ConnectionTestResult test(T transport, Map<String, Object> details);
    }

    /**
     * A connection test over a probe of {@code endpoint} (closed after it): its details start with the URL, and an
     * endpoint or option the ERP cannot use ({@link IllegalArgumentException}) is a {@code configuration} failure.
     */
    protected static <T extends AutoCloseable> ConnectionTestResult probing(ConnectionTransports<T> transports,
            Connection connection, Endpoint endpoint, Map<String, Object> details, ProbeTest<T> test) {
        details.putIfAbsent("url", endpoint.url());
        try (T transport = transports.probe(connection, endpoint)) {
            return test.test(transport, details);
        } catch (IllegalArgumentException e) {
            return testResult(false, endpoint, "configuration", e.getMessage(), details);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not close the probe of connection " + connection.id(), e);
        }
    }

    /** A connection test's answer: {@code kind} ({@code ok}, {@code refused}, {@code bad-credentials} …) goes with the details. */
    protected static ConnectionTestResult testResult(boolean ok, Endpoint endpoint, String kind, String message,
            Map<String, Object> details) {
        details.put("result", kind);
        return new ConnectionTestResult(ok, endpoint.name(), message, details);
    }
}
