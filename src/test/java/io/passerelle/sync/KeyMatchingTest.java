package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.run.RunHistory;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.avantage.AvantageEntity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The seed warns that "if a space differs, the sync creates a duplicate with a fictitious e-mail".
 * Here a platform employee typed with a stray space is linked, one that differs beyond spaces is
 * reported, and neither is ever duplicated by a later run.
 */
@SandboxTest
class KeyMatchingTest {

    @Autowired
    SyncLauncher launcher;
    @Autowired
    RunHistory history;
    @Autowired
    AvantageSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void wellBehavedAgain() {
        simulator.faults().reset();
    }

    @Test
    void platformEmployeesAreLinkedThroughNormalisationAndNearMatchesReportedOnce() {
        platformEmployee("X-777\u00A0", "x777");
        platformEmployee("X 888", "x888");

        RunView first = syncWithRemoteEmployees();
        assertThat(first.status()).as(first.message()).isEqualTo("SUCCEEDED");
        assertThat(history.errors(first.id())).filteredOn(e -> e.code().equals("NEAR_MATCH"))
                .singleElement().satisfies(nearMatch -> {
                    assertThat(nearMatch.remoteKey()).isEqualTo("X\u2011888");
                    assertThat(nearMatch.message()).contains("'X 888'");
                });
        assertThat(employeesLike("x777")).as("linked, not duplicated, and spelled as Avantage spells it")
                .containsExactly(" X-777");
        assertThat(employeesLike("x888")).containsExactlyInAnyOrder("X 888", "X\u2011888");
        assertThat(jdbc.queryForObject("select email from employee where number = ' X-777'", String.class))
                .as("no fictitious address").isNull();

        RunView second = syncWithRemoteEmployees();
        assertThat(second.counts()).containsEntry("created", 0).containsEntry("updated", 0);
        assertThat(history.errors(second.id())).isEmpty();
        assertThat(employeesLike("x777")).hasSize(1);
        assertThat(employeesLike("x888")).hasSize(2);
    }

    private RunView syncWithRemoteEmployees() {
        simulator.faults().injectItemsNext(AvantageEntity.EMPLOYEE,
                "{\"number\":\" X-777\",\"firstName\":\"Zoé\",\"lastName\":\"Côté\",\"active\":true,\"modifiedAt\":\"2026-01-01T00:00:00Z\"}",
                "{\"number\":\"X\u2011888\",\"firstName\":\"Réjean\",\"lastName\":\"Bélanger\",\"active\":true,\"modifiedAt\":\"2026-01-01T00:00:00Z\"}");
        return launcher.runAndWait("sandbox-avantage", "employees", Trigger.API, SyncMode.FULL).get(0);
    }

    private void platformEmployee(String number, String looseKey) {
        jdbc.update("insert into employee (company_id, match_key, loose_key, number, first_name, last_name, active, created_at, updated_at) "
                + "select id, ?, ?, ?, 'Platform', 'User', true, current_timestamp, current_timestamp from company where code = 'BOREAL'",
                KeyNormalizer.matchKey(number), looseKey, number);
    }

    private List<String> employeesLike(String looseKey) {
        return jdbc.queryForList("select number from employee where loose_key = ?", String.class, looseKey);
    }
}
