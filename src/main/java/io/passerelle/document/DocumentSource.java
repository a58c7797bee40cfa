package io.passerelle.document;

import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.codemap.CodeMaps;
import io.passerelle.codemap.ProjectTranslation;
import io.passerelle.connection.Connection;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSource;
import io.passerelle.sync.SyncedKey;
import io.passerelle.sync.SyncedKeys;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.transaction.annotation.Transactional;

/**
 * One kind's accepted documents as the export engine sees them (export kind {@link DocumentKind#exportKind}):
 * those of the connection that it does not hold yet (no export_item, or PENDING or REJECTED), keyset-paged by id.
 * Source id = the document id ({@code "12"}); idempotency key = the kind's ({@code SUBCONTRACT:SC-0042},
 * {@code INVOICE:<vendorId>:<reference>}), unique within the connection's company. Rejected (by an approver) and
 * READY documents are never candidates. Each goes with the ERP project it names on this connection
 * ({@link ProjectTranslation}: a platform project through the connection's projects map; a synced ERP project as
 * stored), or is refused before sending when it names neither.
 */
public class DocumentSource<T, L extends DocumentLine> implements ExportSource<ExportableDocument<T, L>> {

    private final DocumentStore<T, L> store;
    private final CodeMaps codeMaps;
    private final SyncedKeys synced;

    DocumentSource(DocumentStore<T, L> store, CodeMaps codeMaps, SyncedKeys synced) {
        this.store = store;
        this.codeMaps = codeMaps;
        this.synced = synced;
    }

    @Override
    public String kind() {
        return store.kind().exportKind();
    }

    @Override
    @Transactional(readOnly = true)
    public List<ExportCandidate<ExportableDocument<T, L>>> candidates(Connection connection, String after, int limit) {
        DocumentKind<T, L> kind = store.kind();
        List<ExportableDocument<T, L>> page = store.exportable(connection.id(), Rows.afterId(after), limit);
        if (page.isEmpty()) {
            return List.of();
        }
        ProjectTranslation projects = codeMaps.projects(connection);
        Map<String, SyncedKey> syncedProjects = syncedProjects(connection, page);
        return page.stream().map(d -> {
            ExportCandidate<ExportableDocument<T, L>> candidate = new ExportCandidate<>(String.valueOf(d.id()),
                    kind.idempotencyKey(d.terms(), d.vendorId(), d.reference()), d, d.exportState() != null);
            String key = KeyNormalizer.matchKey(d.projectId());
            // a document naming a synced ERP project sends it as stored, as it did before project links existed
            String stored = key != null && syncedProjects.containsKey(key) ? d.projectId() : null;
            return projects.erpNumber(d.projectId(), stored)
                    .map(number -> candidate.withData(d.withProjectId(number)))
                    .orElseGet(() -> candidate.refused(ProjectTranslation.NOT_LINKED, projects.refusal(d.projectId())));
        }).toList();
    }

    /** The synced projects the page's documents name, by match key: one query for the page. */
    private Map<String, SyncedKey> syncedProjects(Connection connection, List<ExportableDocument<T, L>> page) {
        List<String> keys = page.stream().map(d -> KeyNormalizer.matchKey(d.projectId())).filter(Objects::nonNull)
                .distinct().toList();
        return synced.companyOfConnection(connection.id())
                .map(companyId -> keys.isEmpty() ? Map.<String, SyncedKey>of()
                        : synced.find(companyId, CanonicalEntity.PROJECT, keys))
                .orElse(Map.of());
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
