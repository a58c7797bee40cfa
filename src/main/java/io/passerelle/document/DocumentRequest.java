package io.passerelle.document;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of a new financial document, as sent: the fields every kind has, which {@link DocumentValidator}
 * checks, and the kind's own ({@code T}), which the request checks itself. {@code total} is optional: when the
 * platform states it, it must be the sum of the lines' amounts.
 */
public interface DocumentRequest<T, L extends DocumentLine> {

    String company();

    String connection();

    String reference();

    String vendorId();

    String projectId();

    String description();

    String date();

    List<? extends DocumentLineRequest<L>> lines();

    BigDecimal total();

    /** Checks this kind's own header fields, given the document's date as checked (null when missing or refused). */
    T terms(LocalDate documentDate, FieldChecks checks);
}
