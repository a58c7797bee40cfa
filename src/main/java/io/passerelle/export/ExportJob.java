package io.passerelle.export;

import io.passerelle.connection.Connection;
import io.passerelle.run.RetryScope;

/**
 * One outbound run to carry out; {@code scope} limits a retry to the items that failed, null for an ordinary run.
 * {@code batchSize} is the flow's route file's, 0 until the file is read (then the ERP's most per call).
 */
public record ExportJob(Connection connection, OutboundFlow<?, ?> flow, long runId, RetryScope scope, int batchSize) {

    public ExportJob(Connection connection, OutboundFlow<?, ?> flow, long runId, RetryScope scope) {
        this(connection, flow, runId, scope, 0);
    }

    public ExportJob withBatchSize(int size) {
        return new ExportJob(connection, flow, runId, scope, size);
    }
}
