package io.passerelle.sync;

import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.connection.Connection;
import java.util.List;
import java.util.Optional;

/** What an ERP module gives the inbound engine: its flows, in dependency order, and sessions. */
public interface InboundSource {

    String erp();

    /** Dependencies first: {@code sync/all} runs them in this order (projects before their tasks). */
    List<InboundFlowSpec> inbound();

    /**
     * Why {@code key} cannot refresh one record of {@code flow} (a flow that cannot be asked for one record, a key not
     * of the form the ERP knows), or empty when it can: then the flow's source asks for that record alone.
     */
    default Optional<String> refusesKey(String flow, String key) {
        return Optional.of("flow " + flow + " of " + erp() + " cannot refresh one record by its key");
    }

    /**
     * Why {@code flow} cannot sync one project's records alone (a flow whose records have no project, an ERP that
     * cannot ask for them), or empty when it can: then the flow's source asks for that project's records alone
     * ({@link InboundFlow#project()}).
     */
    default Optional<String> refusesProject(String flow) {
        return Optional.of("flow " + flow + " of " + erp() + " cannot sync one project's records alone");
    }

    /** Opens (connects, logs in) a session; throws with a message in words when it cannot. */
    SourceSession open(Connection connection);

    /**
     * Whether the connection reaches several ERP companies, each with its own session (a 24SevenOffice token is valid
     * for one organization), so that its flows run once per selected company; false: once, for the connection's own
     * company.
     */
    default boolean perCompany() {
        return false;
    }

    /**
     * The ids of the ERP companies a per-company connection is set up to reach, read from its settings without asking
     * the ERP (24SevenOffice: {@code options.organizations}); a company outside them is not imported.
     */
    default List<String> companyIds(Connection connection) {
        return List.of();
    }

    /**
     * Asks the ERP what each company of {@link #companyIds} is, as {@code COMPANY} records keyed by that id (name,
     * address, number), for the platform to know them by; throws with a message in words when it cannot.
     */
    default List<CanonicalRecord> reach(Connection connection) {
        return List.of();
    }

    /** Opens a session on one ERP company of a per-company connection ({@link SyncTarget#erpCompanyId()}). */
    default SourceSession open(Connection connection, SyncTarget target) {
        return open(connection);
    }
}
