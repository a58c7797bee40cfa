package io.passerelle.export;

import io.passerelle.connection.Connection;
import io.passerelle.run.RetryScope;

/** One outbound run to carry out; {@code scope} limits a retry to the items that failed, null for an ordinary run. */
public record ExportJob(Connection connection, OutboundFlow<?, ?> flow, long runId, RetryScope scope) {
}
