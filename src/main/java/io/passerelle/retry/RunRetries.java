package io.passerelle.retry;

import io.passerelle.export.ExportLauncher;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunErrorView;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.sync.SyncLauncher;
import java.util.List;
import java.util.Objects;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * {@code POST /api/runs/{id}/retry}: a new run (trigger RETRY, linked by {@code retryOf}) of the same connection and
 * flow, limited to the records the run reported as failed and retryable ({@code sync_error.retryable}). An export
 * retry goes through the export engine like any run, so an item in doubt is asked about before it is sent, and a
 * delivered one is never sent again. A sync retry re-reads the flow and writes only the records whose keys failed.
 */
@Service
public class RunRetries {

    private final RunHistory history;
    private final SyncLauncher sync;
    private final ObjectProvider<ExportLauncher> export;

    public RunRetries(RunHistory history, SyncLauncher sync, ObjectProvider<ExportLauncher> export) {
        this.history = history;
        this.sync = sync;
        this.export = export;
    }

    /** Starts the retry in the background and answers its run id. */
    public long start(RunView run) {
        RetryScope scope = scope(run);
        return outbound(run) ? exports().startRetry(run.connection(), run.flow(), scope)
                : sync.startRetry(run.connection(), run.flow(), scope);
    }

    /** Runs the retry and answers it finished. */
    public RunView runAndWait(RunView run) {
        RetryScope scope = scope(run);
        return outbound(run) ? exports().retryAndWait(run.connection(), run.flow(), scope)
                : sync.retryAndWait(run.connection(), run.flow(), scope);
    }

    /**
     * @throws FlowAlreadyRunningException the run has not finished: its failures are not all known yet
     * @throws NothingToRetryException     no error of the run is retryable and names its record
     */
    private RetryScope scope(RunView run) {
        if (!run.finished()) {
            throw new FlowAlreadyRunningException(run.connection(), run.flow(),
                    "run " + run.id() + " can be retried once it has finished");
        }
        List<String> keys = history.errors(run.id()).stream().filter(RunErrorView::retryable)
                .map(RunErrorView::remoteKey).filter(Objects::nonNull).filter(key -> !key.isBlank()).toList();
        if (keys.isEmpty()) {
            throw new NothingToRetryException(run.id());
        }
        return RetryScope.of(run.id(), keys);
    }

    private static boolean outbound(RunView run) {
        return "OUT".equals(run.direction());
    }

    private ExportLauncher exports() {
        ExportLauncher launcher = export.getIfAvailable();
        if (launcher == null) {
            throw new IllegalStateException("this build has no export engine");
        }
        return launcher;
    }
}
