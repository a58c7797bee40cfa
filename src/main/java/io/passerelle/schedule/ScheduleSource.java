package io.passerelle.schedule;

import java.util.Set;
import org.quartz.TriggerKey;

/**
 * What makes schedule routes from stored data (the connections' schedules, the import jobs'): with the clustered
 * store, {@link SchedulePoller} has it apply what another instance changed in the database.
 */
public interface ScheduleSource {

    /**
     * Reads the stored schedules and remakes the routes of those that differ from what this instance runs; then
     * deletes those of {@code stored} (the clustered store's trigger keys, listed before the schedules were read) that
     * are its own and that no route holds: triggers of schedules removed while no instance could delete them, or made
     * again by a trigger firing on an instance that had not yet removed its route.
     */
    void reconcile(Set<TriggerKey> stored);
}
