package io.passerelle.importjob;

import java.time.Instant;
import java.util.List;

/**
 * A stored import job: what {@link JobSettings} says, whose it is ({@code owner}, the token that created it) and when
 * it was made and last changed.
 */
public record ImportJob(long id, JobSettings settings, String owner, Instant createdAt, Instant updatedAt) {

    public String connectionId() {
        return settings.connectionId();
    }

    public String schedule() {
        return settings.schedule();
    }

    public List<String> flows() {
        return settings.flows();
    }
}
