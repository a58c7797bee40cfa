package io.passerelle.invoice;

import java.util.List;

import io.passerelle.document.Rows;
import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accepted vendor invoices as the export engine sees them (kind {@value #KIND}): those of the connection that
 * it does not hold yet (no export_item, or PENDING or REJECTED), keyset-paged by id. Source id = the invoice id
 * ({@code "7"}); idempotency key = {@code INVOICE:<vendorId>:<reference>}, unique within the connection's
 * company. Rejected (by an approver) and READY invoices are never candidates.
 */
@Component
public class InvoiceSource implements ExportSource<ExportableInvoice> {

    /** The {@code export_item.kind} of invoices. */
    public static final String KIND = "INVOICE";

    private final InvoiceStore store;

    public InvoiceSource(InvoiceStore store) {
        this.store = store;
    }

    /** The idempotency key of an invoice: its vendor and reference. */
    public static String idempotencyKey(String vendorId, String reference) {
        return KIND + ":" + vendorId + ":" + reference;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExportCandidate<ExportableInvoice>> candidates(Connection connection, String after, int limit) {
        return store.exportable(connection.id(), Rows.afterId(after), limit).stream()
                .map(i -> new ExportCandidate<>(String.valueOf(i.id()), idempotencyKey(i.vendorId(), i.reference()), i,
                        i.exportState() != null))
                .toList();
    }

    /** Nothing to do: an accepted invoice stays ACCEPTED; EXPORTED is read from export_item. */
    @Override
    public void sent(Connection connection, List<ExportableInvoice> items) {
        // the export ledger is the record of what went
    }

    /** Nothing to do either: the ledger row reconciliation writes is what makes it EXPORTED. */
    @Override
    public void delivered(Connection connection, List<String> sourceIds) {
        // the export ledger is the record of what went
    }
}
