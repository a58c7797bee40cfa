package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariDataSource;
import io.passerelle.TestDatabases;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.run.SqlFiles;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The store keeps a remote key exactly as the ERP spelled it, and matches it by its normalised key: a change of only
 * the raw spelling ("A1" to "A1 ") updates the record in place, with no duplicate and no near-match or duplicate-key
 * report. On a real schema (H2 in memory, migrated by Flyway; PostgreSQL in the twin), no Spring context.
 */
class SyncStoreTest {

    static final String CONNECTION = "store-erp";
    static final Instant MODIFIED = Instant.parse("2026-11-16T10:15:30Z");

    HikariDataSource dataSource;
    JdbcTemplate jdbc;
    SyncStore store;
    SyncTarget target;

    /** The database under test: H2 here, PostgreSQL in the twin. */
    protected HikariDataSource database() {
        return TestDatabases.h2();
    }

    /** The schema Flyway migrates: none given on H2 (the default one); the twin's own on PostgreSQL. */
    protected String[] schema() {
        return new String[0];
    }

    @BeforeEach
    void schemaAndConnection() {
        dataSource = database();
        Flyway.configure().dataSource(dataSource).schemas(schema()).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("insert into company (code, name) values ('STORE', 'Store inc.')");
        jdbc.update("insert into connection (id, company_id, erp, credentials, schedules, options, allow_others_to_edit, "
                + "created_at, updated_at) select ?, id, 'fake', '{}', '{}', '{}', false, current_timestamp, "
                + "current_timestamp from company where code = 'STORE'", CONNECTION);
        store = new SyncStore(new NamedParameterJdbcTemplate(dataSource),
                new TransactionTemplate(new DataSourceTransactionManager(dataSource)), new SqlFiles(dataSource));
        target = store.target(CONNECTION).orElseThrow();
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void aChangeOfOnlyTheRawKeyUpdatesTheRecordInPlace() {
        PageResult first = write(CanonicalEntity.PROJECT, project("A1", "Tour Nord"));
        long id = jdbc.queryForObject("select id from project", Long.class);

        PageResult spaced = write(CanonicalEntity.PROJECT, project("A1 ", "Tour Nord"));

        assertThat(first.created()).isEqualTo(1);
        assertThat(spaced.created()).isZero();
        assertThat(spaced.updated()).isEqualTo(1);
        assertThat(spaced.rejected()).as("no DUPLICATE_KEY").isEmpty();
        assertThat(spaced.warnings()).as("no NEAR_MATCH").isEmpty();
        assertThat(jdbc.queryForList("select id, number, match_key from project")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("id", id).containsEntry("number", "A1 ")
                        .containsEntry("match_key", "A1"));
        assertThat(jdbc.queryForObject("select remote_key from remote_ref where entity = 'PROJECT'", String.class))
                .isEqualTo("A1 ");

        PageResult again = write(CanonicalEntity.PROJECT, project("A1 ", "Tour Nord"));
        assertThat(again.unchanged()).as("the raw spelling is what the hash remembers").isEqualTo(1);
        assertThat(again.updated()).isZero();

        PageResult noBreak = write(CanonicalEntity.PROJECT, project("A1\u00A0", "Tour Nord"));
        assertThat(noBreak.updated()).isEqualTo(1);
        assertThat(jdbc.queryForList("select number from project", String.class)).containsExactly("A1\u00A0");
    }

    @Test
    void aChildWhoseParentOrOwnRawKeyChangesIsUpdatedUnderTheSameParent() {
        write(CanonicalEntity.PROJECT, project("P-1001", "Tour Nord"));
        write(CanonicalEntity.ACTIVITY, activity("P-1001", "03-100"));

        PageResult spacedCode = write(CanonicalEntity.ACTIVITY, activity("P-1001", "03-100 "));
        PageResult spacedParent = write(CanonicalEntity.ACTIVITY, activity("P-1001 ", "03-100 "));

        assertThat(List.of(spacedCode, spacedParent)).allSatisfy(page -> {
            assertThat(page.updated()).isEqualTo(1);
            assertThat(page.created()).isZero();
            assertThat(page.rejected()).isEmpty();
            assertThat(page.warnings()).isEmpty();
        });
        assertThat(jdbc.queryForList("select code from activity", String.class)).containsExactly("03-100 ");
    }

    @Test
    void aRecordNewToTheConnectionLinksToTheSameKeyAndTakesTheErpsSpelling() {
        jdbc.update("insert into employee (company_id, match_key, loose_key, number, active, created_at, updated_at) "
                + "select id, 'E-00042', 'e00042', 'E-00042', true, current_timestamp, current_timestamp "
                + "from company where code = 'STORE'");

        PageResult linked = write(CanonicalEntity.EMPLOYEE, employee("E-00042\u00A0"));

        assertThat(linked.updated()).isEqualTo(1);
        assertThat(linked.created()).isZero();
        assertThat(linked.warnings()).isEmpty();
        assertThat(jdbc.queryForList("select number from employee", String.class)).containsExactly("E-00042\u00A0");
    }

    @Test
    void twoSpellingsOfOneKeyInOnePageAreStillADuplicate() {
        PageResult page = store.writePage(target, CanonicalEntity.PROJECT,
                List.of(project("A1", "Tour Nord"), project("A1 ", "Tour Nord")), MODIFIED, null);

        assertThat(page.created()).isEqualTo(1);
        assertThat(page.rejected()).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo("DUPLICATE_KEY");
            assertThat(e.remoteKey()).isEqualTo("A1 ");
        });
        assertThat(jdbc.queryForList("select number from project", String.class)).containsExactly("A1");
    }

    @Test
    void aServiceCodeKeepsItsTrailingBlankAndTheRecordsApiListsItWithItsStatus() {
        PageResult page = store.writePage(target, CanonicalEntity.SERVICE_CODE, List.of(
                serviceCode("ARMI ", "Armierung", "ACTIVE"), serviceCode("MAUR", "Maurerarbeiten", "INACTIVE")),
                MODIFIED, null);

        assertThat(page.created()).isEqualTo(2);
        assertThat(jdbc.queryForList("select code, match_key, status from service_code order by code")).satisfiesExactly(
                row -> assertThat(row).containsEntry("code", "ARMI ").containsEntry("match_key", "ARMI")
                        .containsEntry("status", "ACTIVE"),
                row -> assertThat(row).containsEntry("code", "MAUR").containsEntry("status", "INACTIVE"));
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(dataSource);
        SyncedRecords records = new SyncedRecords(named, new SqlFiles(), new ObjectMapper(),
                new SyncTargets(named, new SqlFiles(), store, List.of(), List.of()));
        assertThat(records.list(CONNECTION, "serviceCodes", "armierung", 10, null).items()).singleElement()
                .satisfies(item -> assertThat(item).containsEntry("code", "ARMI ").containsEntry("remoteKey", "ARMI ")
                        .containsEntry("description", "Armierung").containsEntry("status", "ACTIVE")
                        .containsKeys("id", "customFields", "lastSyncedAt"));
        assertThat(records.list(CONNECTION, "serviceCodes", "inactive", 10, null).items())
                .extracting(item -> item.get("code")).containsExactly("MAUR");

        assertThat(write(CanonicalEntity.SERVICE_CODE, serviceCode("ARMI ", "Armierung", "ACTIVE")).unchanged())
                .isEqualTo(1);
        assertThat(write(CanonicalEntity.SERVICE_CODE, serviceCode("ARMI ", "Armierung", "INACTIVE")).updated())
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("select status from service_code where match_key = 'ARMI'", String.class))
                .isEqualTo("INACTIVE");
    }

    @Test
    void syncedKeysCarryTheRowsStatusWhereTheTableHasOne() {
        write(CanonicalEntity.PROJECT, project("P-1001", "Tour Nord"));
        write(CanonicalEntity.ACTIVITY, activity("P-1001", "03-100 "));
        store.writePage(target, CanonicalEntity.SERVICE_CODE, List.of(serviceCode("ARMI ", "Armierung", "ACTIVE"),
                serviceCode("MAUR", "Maurerarbeiten", "INACTIVE"), serviceCode("BETO", "Beton", null)), MODIFIED, null);
        JdbcSyncedKeys synced = new JdbcSyncedKeys(new NamedParameterJdbcTemplate(dataSource), new SqlFiles());
        long company = target.companyId();

        Map<String, SyncedKey> codes = synced.find(company, CanonicalEntity.SERVICE_CODE, List.of("ARMI", "MAUR", "BETO", "NONE"));
        assertThat(codes).containsOnlyKeys("ARMI", "MAUR", "BETO");
        assertThat(codes.get("ARMI")).extracting(SyncedKey::code, SyncedKey::status).containsExactly("ARMI ", "ACTIVE");
        assertThat(codes.get("MAUR").status()).isEqualTo("INACTIVE");
        assertThat(codes.get("BETO").status()).isNull();
        assertThat(synced.find(company, CanonicalEntity.PROJECT, List.of("P-1001")).get("P-1001").status()).isEqualTo("ACTIVE");
        assertThat(synced.find(company, CanonicalEntity.ACTIVITY, List.of(KeyNormalizer.compositeKey("P-1001", "03-100")))
                .values()).singleElement().extracting(SyncedKey::code, SyncedKey::status).containsExactly("03-100 ", null);
        for (CanonicalEntity entity : CanonicalEntity.values()) {
            assertThat(synced.find(company, entity, List.of("NOTHING"))).as(entity + ": one query of its own").isEmpty();
        }
    }

    private PageResult write(CanonicalEntity entity, CanonicalRecord record) {
        return store.writePage(target, entity, List.of(record), MODIFIED, null);
    }

    private static CanonicalRecord project(String number, String name) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("name", name);
        fields.put("status", "ACTIVE");
        fields.put("customer", null);
        return CanonicalRecord.of(CanonicalEntity.PROJECT, number, null, fields, MODIFIED);
    }

    private static CanonicalRecord activity(String project, String code) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", "Coffrage");
        fields.put("budgetHours", null);
        fields.put("budgetAmount", null);
        return CanonicalRecord.of(CanonicalEntity.ACTIVITY, code, project, fields, MODIFIED);
    }

    /** As a service code mapper gives it: code, description and status. */
    static CanonicalRecord serviceCode(String code, String description, String status) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", description);
        fields.put("status", status);
        return CanonicalRecord.of(CanonicalEntity.SERVICE_CODE, code, null, fields, MODIFIED);
    }

    private static CanonicalRecord employee(String number) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("firstName", "Marie");
        fields.put("lastName", "Tremblay");
        fields.put("email", null);
        fields.put("tradeCode", null);
        fields.put("competency", null);
        fields.put("active", true);
        return CanonicalRecord.of(CanonicalEntity.EMPLOYEE, number, null, fields, MODIFIED);
    }
}
