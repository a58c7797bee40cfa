package io.passerelle.sync;

import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What a Quartz trigger does: start an incremental run, or note that the previous one is still going. */
@Component
public class ScheduledSync {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledSync.class);

    private final SyncLauncher launcher;

    public ScheduledSync(SyncLauncher launcher) {
        this.launcher = launcher;
    }

    public void trigger(String connectionId, String flow) {
        try {
            launcher.start(connectionId, flow, Trigger.SCHEDULE, SyncMode.INCREMENTAL);
        } catch (FlowAlreadyRunningException | ConnectionNotFoundException | ConnectionUnlinkedException e) {
            // a trigger that fired as its connection was archived, deleted or unlinked: its route is being removed
            LOG.info("schedule skipped: {}", e.getMessage());
        } catch (NoCompanySelectedException e) {
            LOG.warn("schedule skipped: {}", e.getMessage());
        }
    }
}
