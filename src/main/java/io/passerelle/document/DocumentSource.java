package io.passerelle.document;

import java.util.List;

import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSource;
import org.springframework.transaction.annotation.Transactional;

/**
 * One kind's accepted documents as the export engine sees them (export kind {@link DocumentKind#exportKind}):
 * those of the connection that it does not hold yet (no export_item, or PENDING or REJECTED), keyset-paged by id.
 * Source id = the document id ({@code "12"}); idempotency key = the kind's ({@code SUBCONTRACT:SC-0042},
 * {@code INVOICE:<vendorId>:<reference>}), unique within the connection's company. Rejected (by an approver) and
 * READY documents are never candidates.
 */
public class DocumentSource<T, L extends DocumentLine> implements ExportSource<ExportableDocument<T, L>> {

    private final DocumentStore<T, L> store;

    DocumentSource(DocumentStore<T, L> store) {
        this.store = store;
    }

    @Override
    public String kind() {
        return store.kind().exportKind();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExportCandidate<ExportableDocument<T, L>>> candidates(Connection connection, String after, int limit) {
        DocumentKind<T, L> kind = store.kind();
        return store.exportable(connection.id(), Rows.afterId(after), limit).stream()
                .map(d -> new ExportCandidate<>(String.valueOf(d.id()),
                        kind.idempotencyKey(d.terms(), d.vendorId(), d.reference()), d, d.exportState() != null))
                .toList();
    }

    /** Nothing to do: an accepted document stays ACCEPTED; EXPORTED is read from export_item. */
    @Override
    public void sent(Connection connection, List<ExportableDocument<T, L>> items) {
        // the export ledger is the record of what went
    }

    /** Nothing to do either: the ledger row reconciliation writes is what makes it EXPORTED. */
    @Override
    public void delivered(Connection connection, List<String> sourceIds) {
        // the export ledger is the record of what went
    }
}
