package io.passerelle.sync;

import io.passerelle.connection.Connection;
import java.util.List;
import java.util.Optional;

/** What an ERP module gives the inbound engine: its flows, in dependency order, and sessions. */
public interface InboundSource {

    String erp();

    /** Dependencies first: {@code sync/all} runs them in this order (projects before their tasks). */
    List<InboundFlowSpec> inbound();

    /**
     * Why {@code key} cannot refresh one record of {@code flow} (a flow that cannot be asked for one record, a key not
     * of the form the ERP knows), or empty when it can: then the flow's source asks for that record alone.
     */
    default Optional<String> refusesKey(String flow, String key) {
        return Optional.of("flow " + flow + " of " + erp() + " cannot refresh one record by its key");
    }

    /** Opens (connects, logs in) a session; throws with a message in words when it cannot. */
    SourceSession open(Connection connection);
}
