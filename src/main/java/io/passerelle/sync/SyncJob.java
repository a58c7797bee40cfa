package io.passerelle.sync;

import io.passerelle.connection.Connection;
import java.util.List;

/**
 * Flows of one connection to run in order, each under its already created run row. {@code scope} limits a
 * retry (one flow) to the records that failed; null for an ordinary run.
 */
public record SyncJob(Connection connection, InboundSource source, List<InboundFlow> flows, List<Long> runIds, SyncMode mode,
        RetryScope scope) {
}
