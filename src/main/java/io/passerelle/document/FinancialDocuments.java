package io.passerelle.document;

import io.passerelle.approval.ApprovalItems;
import io.passerelle.codemap.CodeMaps;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.idformat.IdFormats;
import io.passerelle.run.SqlFiles;
import io.passerelle.sync.SyncedKeys;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The kinds of financial document, each made of the same parts over its descriptor: its store, its service (API),
 * its export source (outbound flows) and its approval items (the gate). A new kind is its descriptor, its request,
 * line and terms records, its SQL folder, its {@code ApprovalKind}, a bean here per part, and its mount in
 * {@code DocumentController}.
 */
@Configuration(proxyBeanMethods = false)
public class FinancialDocuments {

    @Bean
    DocumentStore<CommitmentTerms, CommitmentLine> commitmentStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        return new DocumentStore<>(CommitmentKind.COMMITMENTS, jdbc, sql);
    }

    @Bean
    DocumentStore<InvoiceTerms, InvoiceLine> invoiceStore(NamedParameterJdbcTemplate jdbc, SqlFiles sql) {
        return new DocumentStore<>(InvoiceKind.INVOICES, jdbc, sql);
    }

    @Bean
    public DocumentService<CommitmentTerms, CommitmentLine> commitmentService(
            DocumentStore<CommitmentTerms, CommitmentLine> store, ConnectionDirectory connections, IdFormats idFormats,
            SyncedKeys synced, CodeMaps codeMaps) {
        return service(store, connections, idFormats, synced, codeMaps);
    }

    @Bean
    public DocumentService<InvoiceTerms, InvoiceLine> invoiceService(DocumentStore<InvoiceTerms, InvoiceLine> store,
            ConnectionDirectory connections, IdFormats idFormats, SyncedKeys synced, CodeMaps codeMaps) {
        return service(store, connections, idFormats, synced, codeMaps);
    }

    @Bean
    public DocumentSource<CommitmentTerms, CommitmentLine> commitmentSource(
            DocumentStore<CommitmentTerms, CommitmentLine> store, CodeMaps codeMaps, SyncedKeys synced) {
        return new DocumentSource<>(store, codeMaps, synced);
    }

    @Bean
    public DocumentSource<InvoiceTerms, InvoiceLine> invoiceSource(DocumentStore<InvoiceTerms, InvoiceLine> store,
            CodeMaps codeMaps, SyncedKeys synced) {
        return new DocumentSource<>(store, codeMaps, synced);
    }

    @Bean
    ApprovalItems commitmentApprovals(DocumentStore<CommitmentTerms, CommitmentLine> store) {
        return new DocumentApprovals<>(store);
    }

    @Bean
    ApprovalItems invoiceApprovals(DocumentStore<InvoiceTerms, InvoiceLine> store) {
        return new DocumentApprovals<>(store);
    }

    private static <T, L extends DocumentLine> DocumentService<T, L> service(DocumentStore<T, L> store,
            ConnectionDirectory connections, IdFormats idFormats, SyncedKeys synced, CodeMaps codeMaps) {
        return new DocumentService<>(store, new DocumentValidator<>(store.kind(), connections, idFormats, synced,
                codeMaps::linkedProjects), Clock.systemUTC());
    }
}
