package io.passerelle.sync;

import io.passerelle.canonical.CanonicalEntity;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * What the platform's writes (timesheets, commitments, invoices) are checked against: the records a company's
 * syncs wrote, found by {@link KeyNormalizer#matchKey match key}, in one query per entity whatever the number of
 * keys. Child entities (activities, project tasks) are keyed {@link KeyNormalizer#compositeKey(String, String)
 * parent key TAB own key}, so a child is found only under its own parent.
 */
public interface SyncedKeys {

    /** The company whose records the connection's syncs write; empty for an unknown connection. */
    Optional<Long> companyOfConnection(String connectionId);

    /**
     * Match key → the synced record (id, the ERP's spelling, status), for the keys among {@code matchKeys} that the
     * company has; every entity has its query ({@code sql/synced/<table>.sql}).
     */
    Map<String, SyncedKey> find(long companyId, CanonicalEntity entity, Collection<String> matchKeys);
}
