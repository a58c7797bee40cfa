package io.passerelle.export;

import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.connection.ConnectionUnlinkedException;
import io.passerelle.run.FlowAlreadyRunningException;
import io.passerelle.run.Trigger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** What a Quartz trigger of an outbound flow does: start a run, or note that one is still going. */
@Component
public class ScheduledExport {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduledExport.class);

    private final ExportLauncher launcher;

    public ScheduledExport(ExportLauncher launcher) {
        this.launcher = launcher;
    }

    public void trigger(String connectionId, String flow) {
        try {
            launcher.start(connectionId, flow, Trigger.SCHEDULE);
        } catch (FlowAlreadyRunningException | ConnectionNotFoundException | ConnectionUnlinkedException e) {
            // a trigger that fired as its connection was archived, deleted or unlinked: its route is being removed
            LOG.info("schedule skipped: {}", e.getMessage());
        }
    }
}
