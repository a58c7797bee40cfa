package io.passerelle.run;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How instances sharing one database know of each other ({@code passerelle.instance.*}).
 *
 * @param name              this instance's name, stable across its restarts so that a restarted instance closes what
 *                          its previous incarnation left at once; by default the host's name and the data folder
 * @param heartbeatInterval how often the instance says it is alive (10 s)
 * @param deadAfter         how long without a heartbeat before the others close its runs and free its claims (60 s);
 *                          with the check's own interval, an orphaned run is closed within about 75 s
 */
@ConfigurationProperties("passerelle.instance")
public record InstanceProperties(String name, Duration heartbeatInterval, Duration deadAfter) {

    public InstanceProperties {
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(10) : heartbeatInterval;
        deadAfter = deadAfter == null ? Duration.ofSeconds(60) : deadAfter;
        if (deadAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("passerelle.instance.dead-after (" + deadAfter
                    + ") must be at least twice passerelle.instance.heartbeat-interval (" + heartbeatInterval + ")");
        }
    }
}
