package io.passerelle.connection;

/**
 * What a connection leaves behind, counted: its runs, its export ledger ({@code export_item}, and batches whose
 * answer was never recorded), the records it synced ({@code remote_ref}), its cursors, and the commitments and
 * invoices that name it. A connection with any of it is archived, never deleted.
 */
public record ConnectionHistory(long runs, long exportItems, long unansweredBatches, long records, long cursors,
        long documents) {

    public boolean isEmpty() {
        return runs == 0 && exportItems == 0 && unansweredBatches == 0 && records == 0 && cursors == 0 && documents == 0;
    }

    /** In words, for logs: {@code 3 runs, 12 export items, 0 unanswered batches, …}. */
    @Override
    public String toString() {
        return runs + " runs, " + exportItems + " export items, " + unansweredBatches + " unanswered batches, "
                + records + " records, " + cursors + " cursors, " + documents + " commitments and invoices";
    }
}
