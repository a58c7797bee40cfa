package io.passerelle.sync;

import io.passerelle.connection.Connection;
import java.util.List;

/** What an ERP module gives the inbound engine: its flows, in dependency order, and sessions. */
public interface InboundSource {

    String erp();

    /** Dependencies first: {@code sync/all} runs them in this order (projects before their tasks). */
    List<InboundFlowSpec> inbound();

    /** Opens (connects, logs in) a session; throws with a message in words when it cannot. */
    SourceSession open(Connection connection);
}
