package io.passerelle.company;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What a relation says, whoever gives it (an import, a person through the API): its role and kind, its name as
 * spelled, its mandate's dates and, for a shareholder, its share. {@code permanentRepresentative} names the person
 * who acts for a company director.
 */
public record RelationFields(
        RelationRole role,
        RelationType type,
        String name,
        String firstName,
        String lastName,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal sharePercent,
        BigDecimal shares,
        String permanentRepresentative) {

    /** Who it is, for matching ({@link RelationNames}). */
    String nameKey() {
        return RelationNames.key(name);
    }

    /** Started (or with no start) and not ended on {@code day}: a mandate that ends today is over. */
    boolean currentOn(LocalDate day) {
        return (startDate == null || !startDate.isAfter(day)) && (endDate == null || endDate.isAfter(day));
    }

    /** Whether the two say the same: amounts compared as numbers (60.0 is 60). */
    boolean sameAs(RelationFields other) {
        return role == other.role && type == other.type && Objects.equals(name, other.name)
                && Objects.equals(firstName, other.firstName) && Objects.equals(lastName, other.lastName)
                && Objects.equals(startDate, other.startDate) && Objects.equals(endDate, other.endDate)
                && sameAmount(sharePercent, other.sharePercent) && sameAmount(shares, other.shares)
                && Objects.equals(permanentRepresentative, other.permanentRepresentative);
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
