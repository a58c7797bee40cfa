package io.passerelle.sync;

import io.passerelle.connection.Connection;
import java.util.List;

/** What an ERP package gives the inbound engine: its flows, in dependency order, and sessions. */
public interface InboundSource {

    String erp();

    List<InboundFlow> flows();

    /** Opens (connects, logs in) a session; throws with a message in words when it cannot. */
    SourceSession open(Connection connection);
}
