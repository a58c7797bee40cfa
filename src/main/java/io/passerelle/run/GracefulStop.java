package io.passerelle.run;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * SIGTERM: the instance stops taking runs (a start is a 503, a schedule's fire is refused), each run going on ends
 * after the page or batch it is writing, recorded INTERRUPTED with its counts, and only then do the routes and the
 * database go. First of the close (the event comes before any bean or route is stopped), for at most
 * {@code passerelle.instance.drain-timeout}; a run still going after it is closed by the next start, as after a kill.
 */
@Component
class GracefulStop {

    private static final Logger log = LoggerFactory.getLogger(GracefulStop.class);

    private final Instances instances;
    private final Instance instance;
    private final NamedParameterJdbcTemplate jdbc;
    private final SqlFiles sql;
    private final Duration timeout;
    private final Object finished = new Object();

    GracefulStop(Instances instances, Instance instance, NamedParameterJdbcTemplate jdbc, SqlFiles sql,
            @Value("${passerelle.instance.drain-timeout:25s}") Duration timeout) {
        this.instances = instances;
        this.instance = instance;
        this.jdbc = jdbc;
        this.sql = sql;
        this.timeout = timeout;
    }

    // just after the clustered schedules' scheduler stopped (schedule/SchedulePoller#stopBeforeCamel): a fire refused
    // here during the drain would be lost for the whole cluster, one not taken here is fired by another instance
    @EventListener(ContextClosedEvent.class)
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    void drain() {
        instances.stopping();
        Instant deadline = Instant.now().plus(timeout);
        long going = runningHere();
        if (going == 0) {
            return;
        }
        log.info("Instance {} stopping: {} run(s) end after their current page (at most {})", instance, going, timeout);
        synchronized (finished) {
            while ((going = runningHere()) > 0 && Instant.now().isBefore(deadline)) {
                try {
                    // woken by each run's end; the bound also covers a run ended by another path
                    finished.wait(Math.max(1, Math.min(500, Duration.between(Instant.now(), deadline).toMillis())));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        if (going > 0) {
            log.warn("Instance {} stopping with {} run(s) still going after {}: the next start closes them", instance,
                    going, timeout);
        } else {
            log.info("Instance {}: every run ended; stopping", instance);
        }
    }

    @EventListener(RunFinished.class)
    void ended(RunFinished run) {
        synchronized (finished) {
            finished.notifyAll();
        }
    }

    private long runningHere() {
        try {
            Long count = jdbc.queryForObject(sql.get("sql/instance/running-here.sql"),
                    new MapSqlParameterSource("instanceId", instance.id()), Long.class);
            return count == null ? 0 : count;
        } catch (RuntimeException e) {
            return 0; // the database is gone: nothing to wait for
        }
    }
}
