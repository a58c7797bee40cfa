package io.passerelle.export;

import io.passerelle.connection.Connection;

/** One outbound run to carry out. */
public record ExportJob(Connection connection, OutboundFlow<?, ?> flow, long runId) {
}
