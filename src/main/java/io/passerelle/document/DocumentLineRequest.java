package io.passerelle.document;

import java.math.BigDecimal;

/** One line of a {@link DocumentRequest}, as sent: the fields every line has, and the kind's own, which it checks. */
public interface DocumentLineRequest<L extends DocumentLine> {

    String projectTaskId();

    String costCode();

    String description();

    BigDecimal amount();

    /**
     * Checks this kind's own line fields ({@code at} is {@code lines[1]}), given the line's description and amount
     * as {@link DocumentValidator} checked them (null when missing or refused).
     */
    LineDraft<L> check(String at, String checkedDescription, BigDecimal checkedAmount, FieldChecks checks);

    /** A line whose own fields passed; its ids come from {@link SyncedIds} once the whole document is looked up. */
    @FunctionalInterface
    interface LineDraft<L> {
        L withIds(String projectTaskId, String costCode);
    }
}
