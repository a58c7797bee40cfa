package io.passerelle.erp.acumatica;

import io.passerelle.commitment.CommitmentSource;
import io.passerelle.commitment.ExportableCommitment;
import io.passerelle.export.OutboundFlow;
import io.passerelle.invoice.ExportableInvoice;
import io.passerelle.invoice.InvoiceSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AcumaticaFlows {

    /** Commitments an accounting approver accepted (or the connection auto-accepts) → Subcontract / PurchaseOrder. */
    @Bean
    public OutboundFlow<ExportableCommitment, DocumentWrite> acumaticaCommitments(CommitmentSource source,
            AcumaticaCommitmentSink sink) {
        return new OutboundFlow<>(AcumaticaSource.ERP, AcumaticaConnector.COMMITMENTS, source, sink);
    }

    /** Accepted subcontractor invoices → Bill on hold. */
    @Bean
    public OutboundFlow<ExportableInvoice, DocumentWrite> acumaticaInvoices(InvoiceSource source, AcumaticaBillSink sink) {
        return new OutboundFlow<>(AcumaticaSource.ERP, AcumaticaConnector.INVOICES, source, sink);
    }
}
