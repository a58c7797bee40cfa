package io.passerelle.document;

import java.time.LocalDate;
import java.util.List;

import io.passerelle.connection.Connection;

/**
 * A document that passed {@link DocumentValidator}: its connection loaded, its fields trimmed and typed, its ids
 * as the ERP spells them.
 */
public record ValidDocument<T, L extends DocumentLine>(
        Connection connection,
        T terms,
        String reference,
        String vendorId,
        String projectId,
        String description,
        LocalDate date,
        List<L> lines) {

    public ValidDocument {
        lines = List.copyOf(lines);
    }
}
