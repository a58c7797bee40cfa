package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.SandboxTest;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.avantage.Activity;
import io.passerelle.sandbox.avantage.AvantageSimulator;
import io.passerelle.sandbox.avantage.Employee;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code q} on records matches every text field of what a sync wrote, folded like keys (no-break spaces, runs of
 * space, hyphen look-alikes) and case-insensitively, for every entity.
 */
@SandboxTest
class RecordSearchTest {

    static final String AVANTAGE = "sandbox-avantage";
    static final String ACUMATICA = "sandbox-acumatica";
    static final String ADMINPULSE = "sandbox-adminpulse";
    static final String ABACUS = "sandbox-abacus";

    @Autowired
    SyncLauncher sync;
    @Autowired
    RecordReader records;
    @Autowired
    AvantageSimulator simulator;

    @BeforeEach
    void synced() {
        sync.runAndWait(AVANTAGE, "all", Trigger.API, SyncMode.INCREMENTAL);
    }

    @Test
    void aFirstNameOrAnEmailFindsTheEmployeeWhateverTheCase() {
        Employee withEmail = simulator.dataset().employees().stream().filter(e -> e.email() != null).findFirst().orElseThrow();

        assertThat(numbers("employees", withEmail.firstName().toUpperCase())).contains(withEmail.number());
        assertThat(numbers("employees", " " + withEmail.email().toUpperCase() + " ")).contains(withEmail.number());
        String domain = withEmail.email().substring(withEmail.email().indexOf('@'));
        assertThat(numbers("employees", domain)).hasSizeGreaterThan(1);
    }

    @Test
    void aDescriptionFindsTheActivityAndItsProjectNumberFindsAllOfThem() {
        String project = simulator.dataset().projects().get(2).number();
        List<Activity> ofProject = simulator.dataset().activities(project);
        Activity activity = ofProject.get(0);

        assertThat(search("activities", activity.description().toLowerCase())).extracting(item -> item.get("code"))
                .contains(activity.code());
        assertThat(search("activities", project)).extracting(item -> item.get("code"))
                .containsAll(ofProject.stream().map(Activity::code).toList());
    }

    @Test
    void noBreakSpacesRunsOfSpaceAndHyphenLookAlikesFoldAsInKeys() {
        Employee employee = simulator.dataset().employees().get(41);
        String fullName = employee.firstName() + " " + employee.lastName();

        assertThat(numbers("employees", employee.firstName() + "\u00A0 " + employee.lastName())).contains(employee.number());
        assertThat(numbers("employees", fullName.replace(' ', '\u202F'))).contains(employee.number());
        assertThat(numbers("employees", employee.number().replace('-', '\u2011'))).containsExactly(employee.number());
        assertThat(numbers("employees", employee.number().replace("-", "\u2212").toLowerCase())).containsExactly(employee.number());
        assertThat(numbers("employees", "%")).as("LIKE characters are literal").isEmpty();
    }

    @Test
    void everyEntityOfEveryErpIsSearchable() {
        sync.runAndWait(ACUMATICA, "all", Trigger.API, SyncMode.INCREMENTAL);
        sync.runAndWait(ABACUS, "serviceCodes", Trigger.API, SyncMode.INCREMENTAL);
        sync.runAndWait(ADMINPULSE, "companies", Trigger.API, SyncMode.INCREMENTAL);
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            String connection = entity == CanonicalEntity.SERVICE_CODE ? ABACUS
                    : entity == CanonicalEntity.COMPANY ? ADMINPULSE
                    : List.of(CanonicalEntity.PROJECT_TASK, CanonicalEntity.COST_CODE, CanonicalEntity.VENDOR,
                            CanonicalEntity.CUSTOMER, CanonicalEntity.PROJECT_TEMPLATE).contains(entity) ? ACUMATICA
                    : AVANTAGE;
            Map<String, Object> first = records.list(connection, entity.apiName(), null, 1, null).items().get(0);
            // the last search field that has a value, in other case: found by it, among others perhaps
            String field = null;
            for (String each : entity.searchFields()) {
                if (first.get(each) instanceof String text && !text.isBlank()) {
                    field = each;
                }
            }
            assertThat(field).as(entity + ": a text field with a value").isNotNull();
            String value = ((String) first.get(field)).toUpperCase();
            assertThat(records.list(connection, entity.apiName(), value, 1000, null).items())
                    .as(entity + " by " + field + " " + value).extracting(item -> item.get("id")).contains(first.get("id"));
        }
    }

    private List<Map<String, Object>> search(String entity, String q) {
        return records.list(AVANTAGE, entity, q, 1000, null).items();
    }

    private List<Object> numbers(String entity, String q) {
        return search(entity, q).stream().map(item -> item.get("number")).toList();
    }
}
