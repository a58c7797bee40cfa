package io.passerelle.document;

import java.time.LocalDate;
import java.util.List;

/**
 * An accepted document ready to go to its connection: everything a sink needs to write it. {@code reference} is
 * unique within its company (with the kind's {@code terms} or vendor): look the document up by it before writing,
 * so that a retry never creates a second one. {@code projectId} is the ERP project's as a sink sees it (the source
 * translated a platform project's code through the connection's projects map). {@code exportState} is its
 * export_item state: null (never tried), PENDING or REJECTED.
 */
public record ExportableDocument<T, L extends DocumentLine>(
        long id,
        String company,
        String connection,
        T terms,
        String reference,
        String vendorId,
        String projectId,
        String description,
        LocalDate date,
        List<L> lines,
        String exportState) {

    /** The document with the ERP project it goes to on its connection (its projectId may be a platform project's). */
    ExportableDocument<T, L> withProjectId(String erpProject) {
        return new ExportableDocument<>(id, company, connection, terms, reference, vendorId, erpProject, description,
                date, lines, exportState);
    }

    ExportableDocument<T, L> withLines(List<L> all) {
        return new ExportableDocument<>(id, company, connection, terms, reference, vendorId, projectId, description,
                date, List.copyOf(all), exportState);
    }
}
