package io.passerelle.run;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * This instance among those on its database: it registers when it starts (closing at once what its previous
 * incarnation of the same name left: its runs, its claims), heart-beats, and closes the runs of any other instance that
 * stopped heart-beating for {@code passerelle.instance.dead-after}, as FAILED with "instance X stopped", freeing their
 * claims; what such a run left in doubt on an ERP is read back by the connection's next export, as after a crash.
 * Started before the schedules and the engines (an early lifecycle phase), stopped after them.
 */
@Component
public class Instances implements SmartLifecycle, Draining {

    /** Before the Camel context (whose routes start runs) and Spring's web server. */
    static final int PHASE = Integer.MIN_VALUE + 1000;
    private static final Logger log = LoggerFactory.getLogger(Instances.class);

    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final Instance instance;
    private final InstanceProperties properties;
    private ThreadPoolTaskScheduler scheduler;
    private volatile boolean running;
    private volatile boolean stopping;

    Instances(NamedParameterJdbcTemplate jdbc, SqlFiles sql, Instance instance, InstanceProperties properties) {
        this.jdbc = jdbc;
        this.sql = sql;
        this.instance = instance;
        this.properties = properties;
    }

    @Override
    public void start() {
        register();
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("instance-heartbeat-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        scheduler.scheduleAtFixedRate(this::beat, properties.heartbeatInterval());
        scheduler.scheduleWithFixedDelay(this::closeDead, properties.heartbeatInterval());
        running = true;
        log.info("Instance {} registered (heartbeat every {}, others closed after {} without one)", instance,
                properties.heartbeatInterval(), properties.deadAfter());
    }

    /** Says the instance is stopping (it takes no new run), ahead of {@link #stop()}. */
    public void stopping() {
        stopping = true;
        beat();
    }

    @Override
    public boolean draining() {
        return stopping;
    }

    /** @throws InstanceStoppingException when this instance is stopping: a run started now would be cut short */
    public void requireRunning() {
        if (stopping) {
            throw new InstanceStoppingException(instance.id());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            scheduler.shutdown();
        }
        try {
            jdbc.update(sql.get("sql/instance/claims-of-instance-release.sql"),
                    new MapSqlParameterSource("instanceId", instance.id()));
            jdbc.update(sql.get("sql/instance/delete.sql"), new MapSqlParameterSource("id", instance.id()));
        } catch (RuntimeException e) {
            // the database went first: the others will find this instance silent and close what it left
            log.warn("Instance {} could not sign off: {}", instance, e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** What the previous incarnation of this name left is this instance's to close, now rather than after a timeout. */
    void register() {
        Instant now = Instant.now();
        close(instance.id(), "interrupted: Passerelle stopped before the run finished");
        jdbc.update(sql.get("sql/instance/delete.sql"), new MapSqlParameterSource("id", instance.id()));
        jdbc.update(sql.get("sql/instance/register.sql"),
                new MapSqlParameterSource("id", instance.id()).addValue("now", Timestamps.utc(now)));
        // claims that no live instance holds: left by instances that died before this database had heartbeats
        jdbc.update(sql.get("sql/instance/claims-not-live-release.sql"),
                new MapSqlParameterSource("cutoff", Timestamps.utc(now.minus(properties.deadAfter()))));
    }

    void beat() {
        try {
            jdbc.update(sql.get("sql/instance/heartbeat.sql"), new MapSqlParameterSource("id", instance.id())
                    .addValue("now", Timestamps.utc(Instant.now())).addValue("stopping", stopping));
        } catch (RuntimeException e) {
            log.warn("Instance {}: heartbeat not written: {}", instance, e.getMessage());
        }
    }

    /** Closes the runs and frees the claims of the instances that stopped heart-beating. */
    void closeDead() {
        try {
            Instant cutoff = Instant.now().minus(properties.deadAfter());
            List<Object[]> dead = jdbc.query(sql.get("sql/instance/dead.sql"),
                    new MapSqlParameterSource("cutoff", Timestamps.utc(cutoff)).addValue("me", instance.id()),
                    (row, n) -> new Object[] {row.getString("id"), row.getTimestamp("heartbeat_at")});
            for (Object[] each : dead) {
                String id = (String) each[0];
                Instant last = ((Timestamp) each[1]).toInstant();
                int closed = close(id, "interrupted: instance " + id + " stopped (no heartbeat since " + last + ")");
                jdbc.update(sql.get("sql/instance/delete.sql"), new MapSqlParameterSource("id", id));
                log.warn("Instance {} stopped heart-beating at {}: {} of its runs closed FAILED, its claims freed",
                        id, last, closed);
            }
        } catch (RuntimeException e) {
            log.warn("Instance {}: could not look for silent instances: {}", instance, e.getMessage());
        }
    }

    /** Closes an instance's running runs with {@code message} and frees its claims; answers how many runs. */
    private int close(String instanceId, String message) {
        int closed = jdbc.update(sql.get("sql/run/abandon-of-instance.sql"), new MapSqlParameterSource()
                .addValue("instanceId", instanceId).addValue("message", RunStore.truncate(message, 2000))
                .addValue("now", Timestamps.utc(Instant.now())));
        jdbc.update(sql.get("sql/instance/claims-of-instance-release.sql"),
                new MapSqlParameterSource("instanceId", instanceId));
        return closed;
    }
}
