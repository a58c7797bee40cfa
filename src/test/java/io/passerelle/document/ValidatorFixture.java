package io.passerelle.document;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.connection.Company;
import io.passerelle.connection.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the validator tests of every kind start from: a connection, and the records synced for its company. */
final class ValidatorFixture {

    static final String CONNECTION = "sandbox-acumatica";

    private ValidatorFixture() {
    }

    /** The connection of company LAURENT, with these options. */
    static Connection connection(Map<String, Object> options) {
        return new Connection(CONNECTION, new Company("LAURENT", "Bâtiments Laurentides"), "acumatica", List.of(),
                Map.of(), Map.of(), options, null, false, Instant.EPOCH, Instant.EPOCH);
    }

    /** Vendor ACIERLEROU, project 23-100 with its task 0100, and cost code 01-100. */
    static FakeSyncedKeys synced() {
        return new FakeSyncedKeys(CONNECTION, 3)
                .with(CanonicalEntity.VENDOR, "ACIERLEROU")
                .with(CanonicalEntity.PROJECT, "23-100")
                .withTask("23-100", "0100")
                .with(CanonicalEntity.COST_CODE, "01-100");
    }
}
