package io.passerelle.document;

import java.math.BigDecimal;

/**
 * What every checked document line has, as stored, shown and exported: ids as the ERP spells them and an
 * {@code amount} above 0 with 2 decimals. Each kind's line adds its own fields.
 */
public interface DocumentLine {

    String projectTaskId();

    String costCode();

    String description();

    BigDecimal amount();
}
