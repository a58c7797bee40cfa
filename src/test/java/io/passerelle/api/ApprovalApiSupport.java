package io.passerelle.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.canonical.KeyNormalizer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * The tests of commitments, invoices, approvals and their export sources: {@link ApiTestSupport}'s context plus
 * an APPROVER holding INVOICES only ({@link #INVOICE_APPROVER}). Indexed properties are not merged across
 * property sources, so every token is listed again. All these classes share this one context: each test uses
 * its own connections and references.
 */
@TestPropertySource(properties = {
        "passerelle.security.tokens[0].name=test-admin",
        "passerelle.security.tokens[0].role=ADMIN",
        "passerelle.security.tokens[0].sha256=17d6bfe05d1b1fb7bc499f8e3f639c7b3eda4c40f321eef8887a0c04c89a99c5",
        "passerelle.security.tokens[1].name=test-engineer",
        "passerelle.security.tokens[1].role=ENGINEER",
        "passerelle.security.tokens[1].sha256=3b0d06715723d6966a7f7e18a0f4825e56976f7cebd163438e9e5fe6830eb616",
        "passerelle.security.tokens[2].name=test-approver",
        "passerelle.security.tokens[2].role=APPROVER",
        "passerelle.security.tokens[2].capabilities=COMMITMENTS",
        "passerelle.security.tokens[2].sha256=408a4e2c74dec2e9f99685ad6963e20118c9e5b9fecef9b857b4bcc1fedad0c6",
        "passerelle.security.tokens[3].name=test-viewer",
        "passerelle.security.tokens[3].role=VIEWER",
        "passerelle.security.tokens[3].sha256=04afacc947b28c94e15578a9db68c1d1bf775b3ff82bc88e31d4465f26bc0b42",
        "passerelle.security.tokens[4].name=test-invoice-approver",
        "passerelle.security.tokens[4].role=APPROVER",
        "passerelle.security.tokens[4].capabilities=INVOICES",
        // sha-256 of "test-invoice-approver-token"
        "passerelle.security.tokens[4].sha256=e737d39ccbbb6ba550f1e9dabdf085d5cb618f890604abe1d7516bbf7519e541",
})
public abstract class ApprovalApiSupport extends ApiTestSupport {

    /** An APPROVER whose only capability is INVOICES. */
    public static final String INVOICE_APPROVER = "test-invoice-approver-token";

    /** The ids {@link #commitment} and {@link #invoice} name, synced for every connection {@link #connection} makes. */
    protected static final String VENDOR = "V-ACME";
    protected static final String PROJECT = "P-1001";
    /** Lines per document whose task and cost code are synced. */
    protected static final int SYNCED_LINES = 10;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final Map<String, String> INSERT_IF_ABSENT = Map.of(
            "vendor.code", "insert into vendor (company_id, match_key, loose_key, code, created_at, updated_at)"
                    + " select ?, ?, ?, ?, ?, ? where not exists"
                    + " (select 1 from vendor where company_id = ? and match_key = ?)",
            "project.number", "insert into project (company_id, match_key, loose_key, number, created_at, updated_at)"
                    + " select ?, ?, ?, ?, ?, ? where not exists"
                    + " (select 1 from project where company_id = ? and match_key = ?)",
            "cost_code.code", "insert into cost_code (company_id, match_key, loose_key, code, created_at, updated_at)"
                    + " select ?, ?, ?, ?, ?, ? where not exists"
                    + " (select 1 from cost_code where company_id = ? and match_key = ?)");

    @Autowired
    protected JdbcTemplate jdbc;

    /** A text unique in this JVM, for references and connection ids: {@code prefix-<n>}. */
    protected static String unique(String prefix) {
        return prefix + "-" + SEQUENCE.incrementAndGet();
    }

    /** Creates a connection of the test ERP for {@code company} with these options (it must not exist). */
    protected String connection(String id, String company, Map<String, Object> options) {
        call("DELETE", "/api/connections/" + id, ADMIN); // a persistent test database may hold it already
        Map<String, Object> body = new LinkedHashMap<>(ConnectionApiTest.payload(id));
        body.put("company", Map.of("code", company, "name", "Company " + company));
        body.put("options", options);
        Response created = call("POST", "/api/connections", ADMIN, toJson(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        synced(id);
        return id;
    }

    /**
     * What a sync of the connection's ERP would have written for its company: the vendor, project, tasks and cost
     * codes that {@link #commitment} and {@link #invoice} name (documents are checked against synced records; the
     * test ERP has no sync of its own). Kept when already there: companies are shared by connections.
     */
    protected void synced(String connectionId) {
        long companyId = jdbc.queryForObject("select company_id from connection where id = ?", Long.class, connectionId);
        record(companyId, "vendor", "code", VENDOR);
        record(companyId, "project", "number", PROJECT);
        long projectId = jdbc.queryForObject("select id from project where company_id = ? and match_key = ?",
                Long.class, companyId, PROJECT);
        for (int i = 0; i < SYNCED_LINES; i++) {
            record(companyId, "cost_code", "code", "01-10" + i);
            String task = "T-0" + i;
            jdbc.update("insert into project_task (company_id, project_id, match_key, loose_key, code, is_default,"
                            + " created_at, updated_at) select ?, ?, ?, ?, ?, false, ?, ? where not exists"
                            + " (select 1 from project_task where company_id = ? and match_key = ?)",
                    companyId, projectId, KeyNormalizer.compositeKey(PROJECT, task),
                    KeyNormalizer.compositeKey(PROJECT, KeyNormalizer.looseKey(task)), task, now(), now(), companyId,
                    KeyNormalizer.compositeKey(PROJECT, task));
        }
    }

    /** One more vendor synced for the connection's company. */
    protected void syncedVendor(String connectionId, String code) {
        record(jdbc.queryForObject("select company_id from connection where id = ?", Long.class, connectionId),
                "vendor", "code", code);
    }

    private void record(long companyId, String table, String codeColumn, String code) {
        jdbc.update(INSERT_IF_ABSENT.get(table + "." + codeColumn), companyId, code, KeyNormalizer.looseKey(code), code,
                now(), now(), companyId, code);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    protected String connection(String id, String company) {
        return connection(id, company, Map.of());
    }

    /** A commitment body with {@code lineCount} lines of 100.00 (line i on task T-0i, cost code 01-10i). */
    protected static Map<String, Object> commitment(String company, String connection, String reference, int lineCount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("connection", connection);
        body.put("type", "SUBCONTRACT");
        body.put("reference", reference);
        body.put("vendorId", VENDOR);
        body.put("projectId", PROJECT);
        body.put("description", "Coffrage niveau 2");
        body.put("date", "2026-03-02");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("projectTaskId", "T-0" + i);
            line.put("costCode", "01-10" + i);
            line.put("description", "ligne " + i);
            line.put("quantity", 2);
            line.put("unitCost", 50);
            line.put("amount", 100.00);
            lines.add(line);
        }
        body.put("lines", lines);
        return body;
    }

    /** An invoice body with {@code lineCount} lines of 250.50. */
    protected static Map<String, Object> invoice(String company, String connection, String reference, int lineCount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("company", company);
        body.put("connection", connection);
        body.put("reference", reference);
        body.put("vendorId", VENDOR);
        body.put("projectId", PROJECT);
        body.put("commitmentReference", "SC-0001");
        body.put("date", "2026-03-10");
        body.put("dueDate", "2026-04-09");
        body.put("description", "Facture mars");
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("projectTaskId", "T-0" + i);
            line.put("costCode", "01-10" + i);
            line.put("description", "ligne " + i);
            line.put("amount", 250.50);
            lines.add(line);
        }
        body.put("lines", lines);
        return body;
    }

    /** POSTs a body that must be accepted (201); answers the stored item. */
    protected Response created(String path, Map<String, Object> body) {
        Response created = call("POST", path, ENGINEER, toJson(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }

    /** Records where an item's export stands, as the export engine would. */
    protected void exportItem(String connectionId, String kind, long sourceId, String state, String code,
            String message) {
        jdbc.update("delete from export_item where connection_id = ? and kind = ? and source_id = ?",
                connectionId, kind, String.valueOf(sourceId));
        jdbc.update("insert into export_item (connection_id, kind, source_id, idempotency_key, state, attempts, code,"
                        + " message, updated_at) values (?, ?, ?, ?, ?, 1, ?, ?, ?)",
                connectionId, kind, String.valueOf(sourceId), kind + "-" + sourceId, state, code, message,
                OffsetDateTime.now(ZoneOffset.UTC));
    }
}
