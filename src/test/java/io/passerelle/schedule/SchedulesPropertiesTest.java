package io.passerelle.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;

class SchedulesPropertiesTest {

    @Test
    void defaultsAreTheRamStoreAndRunOnce() {
        SchedulesProperties properties = new SchedulesProperties(null, null, null, null, null, null);

        assertThat(properties.store()).isEqualTo(SchedulesProperties.Store.RAM);
        assertThat(properties.clustered()).isFalse();
        assertThat(properties.misfire().instruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.clusterCheckinInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(properties.misfireThreshold()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void skipWaitsForTheNextTime() {
        SchedulesProperties properties = new SchedulesProperties(SchedulesProperties.Store.JDBC,
                SchedulesProperties.Misfire.SKIP, null, null, null, null);

        assertThat(properties.clustered()).isTrue();
        assertThat(properties.misfire().instruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_DO_NOTHING);
        assertThat(properties.misfire()).hasToString("skip");
    }

    @Test
    void aPollTooFrequentOrNoThreadIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new SchedulesProperties(null, null, Duration.ofMillis(10), null, null, null))
                .hasMessageContaining("passerelle.schedules.poll-interval");
        assertThatThrownBy(() -> new SchedulesProperties(null, null, null, 0, null, null))
                .hasMessageContaining("passerelle.schedules.thread-count");
    }
}
