package io.passerelle.sync;

import io.passerelle.connection.Connection;
import java.util.List;

/** Flows of one connection to run in order, each under its already created run row. */
public record SyncJob(Connection connection, InboundSource source, List<InboundFlow> flows, List<Long> runIds, SyncMode mode) {
}
