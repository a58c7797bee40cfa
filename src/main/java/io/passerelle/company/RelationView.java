package io.passerelle.company;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A relation as the API shows it: {@code source} IMPORTED or MANUAL, {@code connection} the one that imported it
 * (null for a manual one), {@code duplicateOf} the manual relation an imported one repeats.
 */
public record RelationView(long id, RelationRole role, RelationType type, String name, String firstName,
        String lastName, BigDecimal sharePercent, BigDecimal shares, LocalDate startDate, LocalDate endDate,
        String permanentRepresentative, RelationSource source, String connection, Long duplicateOf) {

    static RelationView of(Relation relation) {
        RelationFields f = relation.fields();
        return new RelationView(relation.id(), f.role(), f.type(), f.name(), f.firstName(), f.lastName(),
                plain(f.sharePercent()), plain(f.shares()), f.startDate(), f.endDate(), f.permanentRepresentative(),
                relation.source(), relation.connectionId(), relation.duplicateOf());
    }

    /** 60 rather than 60.00 (and never 6E+1): an amount as a person writes it. */
    static BigDecimal plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
