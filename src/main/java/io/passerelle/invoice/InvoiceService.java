package io.passerelle.invoice;

import java.time.Clock;
import java.util.List;

import io.passerelle.approval.ApprovalKind;
import io.passerelle.approval.ApprovalState;
import io.passerelle.approval.AutoAccept;
import io.passerelle.approval.Decision;
import io.passerelle.approval.ItemConflictException;
import io.passerelle.approval.ItemNotFoundException;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.ConnectionNotFoundException;
import io.passerelle.idformat.IdFormats;
import io.passerelle.sync.SyncedKeys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Vendor invoices written by the platform: checked field by field, stored READY (or ACCEPTED at once when the
 * connection's {@code autoAccept} names INVOICES), and shown with their approval and export states. The
 * reference is unique per company and vendor: a second invoice with it answers 409.
 */
@Service
public class InvoiceService {

    private final InvoiceStore store;
    private final InvoiceValidator validator;
    private final Clock clock;

    @Autowired
    public InvoiceService(InvoiceStore store, ConnectionDirectory connections, IdFormats idFormats,
            SyncedKeys synced) {
        this(store, new InvoiceValidator(connections, idFormats, synced), Clock.systemUTC());
    }

    InvoiceService(InvoiceStore store, InvoiceValidator validator, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
    }

    /** Stores a new invoice; {@code createdBy} is the calling token's name. */
    @Transactional
    public InvoiceView create(InvoiceRequest request, String createdBy) {
        ValidInvoice invoice = validator.validate(request);
        String connectionId = invoice.connection().id();
        long companyId = store.companyOfConnection(connectionId)
                .orElseThrow(() -> new ConnectionNotFoundException(connectionId));
        store.referenceTaken(companyId, invoice.vendorId(), invoice.reference()).ifPresent(taken -> {
            throw taken(taken);
        });
        var now = clock.instant();
        boolean auto = AutoAccept.accepts(invoice.connection().options(), ApprovalKind.INVOICES);
        long id;
        try {
            id = store.insert(companyId, invoice, auto ? ApprovalState.ACCEPTED : ApprovalState.READY,
                    auto ? new Decision(AutoAccept.BY, now, null) : null, createdBy, now);
        } catch (DuplicateKeyException e) {
            // a concurrent writer took the reference between the check and the insert (the transaction is spent)
            throw taken(0L);
        }
        return get(id);
    }

    @Transactional(readOnly = true)
    public InvoiceView get(long id) {
        return store.view(id).orElseThrow(() -> new ItemNotFoundException("invoice " + id));
    }

    /** Invoices, optionally of one company and state, by id after {@code after}. */
    @Transactional(readOnly = true)
    public InvoicePage search(String company, ApprovalState state, long after, int limit) {
        List<InvoiceView> page = store.search(null, company, null, state, after, limit + 1);
        boolean more = page.size() > limit;
        List<InvoiceView> items = more ? page.subList(0, limit) : page;
        return new InvoicePage(List.copyOf(items), more ? String.valueOf(items.get(items.size() - 1).id()) : null);
    }

    private static ItemConflictException taken(long existingId) {
        return new ItemConflictException("reference", "already the reference of "
                + (existingId > 0 ? ApprovalKind.INVOICES.itemId(existingId) : "another invoice")
                + " for this company and vendor");
    }
}
