package io.passerelle.company;

import java.time.LocalDate;

/**
 * A stored relation of a company. {@code connectionId} is the connection that last imported it (null for a manual
 * one, or once that connection is gone), {@code erp} that connection's ERP, {@code remoteId} the ERP's id of the
 * person or company; {@code duplicateOf} the manual relation an imported one repeats.
 */
public record Relation(long id, RelationFields fields, RelationSource source, String connectionId, String erp,
        String remoteId, Long duplicateOf) {

    boolean imported() {
        return source == RelationSource.IMPORTED;
    }

    boolean currentOn(LocalDate day) {
        return fields.currentOn(day);
    }

    RelationRole role() {
        return fields.role();
    }

    String nameKey() {
        return fields.nameKey();
    }
}
