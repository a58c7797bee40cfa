package io.passerelle.console;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Connection;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.InboundSource;
import org.springframework.stereotype.Component;

/** A connection's inbound flows, as its ERP module declares them, each with its last run from the run history. */
@Component
class ConnectionFlows {

    private final Map<String, InboundSource> sources;
    private final RunHistory history;

    ConnectionFlows(List<InboundSource> sources, RunHistory history) {
        this.sources = sources.stream().collect(Collectors.toMap(InboundSource::erp, Function.identity(),
                (first, second) -> first));
        this.history = history;
    }

    /** In the ERP's order (dependencies first, as {@code sync/all} runs them); none for an ERP without inbound flow. */
    List<FlowRun> of(Connection connection) {
        InboundSource source = sources.get(connection.erp());
        if (source == null) {
            return List.of();
        }
        return source.inbound().stream().map(InboundFlowSpec::name)
                .map(flow -> new FlowRun(flow, last(connection.id(), flow))).toList();
    }

    /** The entity a flow of the connection writes, if the connection's ERP has that flow. */
    Optional<CanonicalEntity> entityOf(Connection connection, String flow) {
        InboundSource source = sources.get(connection.erp());
        return source == null ? Optional.empty() : source.inbound().stream().filter(spec -> spec.name().equals(flow))
                .map(InboundFlowSpec::entity).findFirst();
    }

    private RunView last(String connectionId, String flow) {
        List<RunView> runs = history.search(connectionId, flow, null, 1);
        return runs == null || runs.isEmpty() ? null : runs.get(0);
    }
}
