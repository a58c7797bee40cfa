package io.passerelle.sync;

/**
 * Where a run writes: the connection's bookkeeping (record references, cursors) for one company, and that company's
 * canonical rows. A connection whose ERP reaches several companies ({@link InboundSource#perCompany}) has a target
 * per selected company, each opened on a session of its own; {@code erpCompanyId} is the ERP's id of it (a
 * 24SevenOffice organization id) and {@code name} what the ERP calls it. The connection's own company has neither.
 */
public record SyncTarget(String connectionId, long companyId, String erpCompanyId, String name) {

    /** The connection's own company. */
    public SyncTarget(String connectionId, long companyId) {
        this(connectionId, companyId, null, null);
    }

    /** Whether a session of this target must be opened on its ERP company rather than on the connection. */
    public boolean ofErpCompany() {
        return erpCompanyId != null;
    }
}
