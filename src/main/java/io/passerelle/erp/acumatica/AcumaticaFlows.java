package io.passerelle.erp.acumatica;

import io.passerelle.document.CommitmentLine;
import io.passerelle.document.CommitmentTerms;
import io.passerelle.document.DocumentSource;
import io.passerelle.document.ExportableDocument;
import io.passerelle.document.InvoiceLine;
import io.passerelle.document.InvoiceTerms;
import io.passerelle.export.OutboundFlow;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AcumaticaFlows {

    /** Commitments an accounting approver accepted (or the connection auto-accepts) → Subcontract / PurchaseOrder. */
    @Bean
    public OutboundFlow<ExportableDocument<CommitmentTerms, CommitmentLine>, DocumentWrite> acumaticaCommitments(
            DocumentSource<CommitmentTerms, CommitmentLine> source, AcumaticaCommitmentSink sink) {
        return new OutboundFlow<>(AcumaticaSource.ERP, AcumaticaConnector.COMMITMENTS, source, sink);
    }

    /** Accepted subcontractor invoices → Bill on hold. */
    @Bean
    public OutboundFlow<ExportableDocument<InvoiceTerms, InvoiceLine>, DocumentWrite> acumaticaInvoices(
            DocumentSource<InvoiceTerms, InvoiceLine> source, AcumaticaBillSink sink) {
        return new OutboundFlow<>(AcumaticaSource.ERP, AcumaticaConnector.INVOICES, source, sink);
    }
}
