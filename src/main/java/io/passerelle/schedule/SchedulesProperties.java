package io.passerelle.schedule;

import java.time.Duration;
import java.util.Locale;
import org.quartz.CronTrigger;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the schedules' Quartz triggers live and what a missed one does ({@code passerelle.schedules}).
 *
 * @param store {@code ram}: each instance has its triggers in memory (one instance, the H2 database);
 *        {@code jdbc}: Quartz's clustered JDBC JobStore on the application's database, so that each trigger fires
 *        on one instance only (PostgreSQL, more than one instance)
 * @param misfire what a trigger that could not fire at its time (every instance down, or all busy for longer than
 *        {@code misfireThreshold}) does once it can: {@code run-once} runs it once now however many times it was
 *        missed, {@code skip} waits for its next time
 * @param pollInterval with {@code jdbc}: how often an instance reads the schedules from the database to apply those
 *        changed through another instance
 * @param threadCount Quartz threads: triggers that can start their run at the same moment on one instance (a
 *        trigger only starts a run, it does not wait for it)
 * @param clusterCheckinInterval with {@code jdbc}: how often an instance tells the others it is alive; one silent
 *        for longer has its fired triggers recovered by another
 * @param misfireThreshold how late a trigger may fire and still count as on time
 */
@ConfigurationProperties("passerelle.schedules")
public record SchedulesProperties(Store store, Misfire misfire, Duration pollInterval, Integer threadCount,
        Duration clusterCheckinInterval, Duration misfireThreshold) {

    public enum Store {
        RAM, JDBC
    }

    public enum Misfire {
        /** Quartz's MISFIRE_INSTRUCTION_FIRE_ONCE_NOW, the cron triggers' default in camel-quartz. */
        RUN_ONCE(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW),
        /** Quartz's MISFIRE_INSTRUCTION_DO_NOTHING: the next fire time as if nothing had been missed. */
        SKIP(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);

        private final int instruction;

        Misfire(int instruction) {
            this.instruction = instruction;
        }

        /** The Quartz cron trigger's misfire instruction. */
        public int instruction() {
            return instruction;
        }

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public SchedulesProperties {
        store = store == null ? Store.RAM : store;
        misfire = misfire == null ? Misfire.RUN_ONCE : misfire;
        pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
        threadCount = threadCount == null ? 10 : threadCount;
        clusterCheckinInterval = clusterCheckinInterval == null ? Duration.ofSeconds(15) : clusterCheckinInterval;
        misfireThreshold = misfireThreshold == null ? Duration.ofSeconds(60) : misfireThreshold;
        if (pollInterval.toMillis() < 100) {
            throw new IllegalArgumentException("passerelle.schedules.poll-interval must be at least 100ms, was "
                    + pollInterval);
        }
        if (threadCount < 1 || threadCount > 100) {
            throw new IllegalArgumentException("passerelle.schedules.thread-count must be 1..100, was " + threadCount);
        }
        if (clusterCheckinInterval.toMillis() < 1000) {
            throw new IllegalArgumentException("passerelle.schedules.cluster-checkin-interval must be at least 1s, was "
                    + clusterCheckinInterval);
        }
        if (misfireThreshold.toMillis() < 1000) {
            throw new IllegalArgumentException("passerelle.schedules.misfire-threshold must be at least 1s, was "
                    + misfireThreshold);
        }
    }

    public boolean clustered() {
        return store == Store.JDBC;
    }
}
