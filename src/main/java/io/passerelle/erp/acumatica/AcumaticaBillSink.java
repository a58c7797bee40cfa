package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.document.ExportableDocument;
import io.passerelle.document.InvoiceLine;
import io.passerelle.document.InvoiceTerms;
import io.passerelle.idformat.IdFormats;
import io.passerelle.idformat.IdKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Accepted subcontractor invoices as AP {@code Bill}s, always On Hold (accounting releases them in
 * Acumatica). Acumatica numbers bills itself, so the bill written earlier for the same vendor and
 * vendor reference is looked up first and updated rather than created again.
 */
@Component
public class AcumaticaBillSink extends AcumaticaDocumentSink<ExportableDocument<InvoiceTerms, InvoiceLine>> {

    public AcumaticaBillSink(AcumaticaTransports transports, IdFormats idFormats, ObjectMapper mapper) {
        super(transports, idFormats, mapper);
    }

    @Override
    protected List<IdCheck> ids(ExportableDocument<InvoiceTerms, InvoiceLine> invoice) {
        List<IdCheck> ids = new ArrayList<>();
        ids.add(new IdCheck(IdKind.VENDOR_ID, invoice.vendorId(), "vendorId"));
        ids.add(new IdCheck(IdKind.PROJECT_ID, invoice.projectId(), "projectId"));
        for (int i = 0; i < invoice.lines().size(); i++) {
            InvoiceLine line = invoice.lines().get(i);
            ids.add(new IdCheck(IdKind.PROJECT_TASK_ID, line.projectTaskId(), "lines[" + i + "].projectTaskId"));
            ids.add(new IdCheck(IdKind.COST_CODE, line.costCode(), "lines[" + i + "].costCode"));
        }
        return ids;
    }

    @Override
    protected DocumentWrite write(ExportableDocument<InvoiceTerms, InvoiceLine> invoice) {
        ObjectNode body = mapper.createObjectNode();
        AcumaticaJson.wrap(body, "Type", "Bill");
        AcumaticaJson.wrap(body, "Vendor", invoice.vendorId());
        AcumaticaJson.wrap(body, "VendorRef", invoice.reference());
        AcumaticaJson.wrap(body, "Date", invoice.date() == null ? null : invoice.date().toString());
        AcumaticaJson.wrap(body, "DueDate", invoice.terms().dueDate() == null ? null : invoice.terms().dueDate().toString());
        AcumaticaJson.wrap(body, "Description", invoice.description());
        AcumaticaJson.wrap(body, "Hold", true);
        ArrayNode details = body.putArray("Details");
        for (InvoiceLine line : invoice.lines()) {
            ObjectNode row = details.addObject();
            AcumaticaJson.wrap(row, "Project", invoice.projectId());
            AcumaticaJson.wrap(row, "ProjectTask", line.projectTaskId());
            AcumaticaJson.wrap(row, "CostCode", line.costCode());
            AcumaticaJson.wrap(row, "TransactionDescription", line.description());
            AcumaticaJson.wrap(row, "Amount", line.amount());
        }
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put("Type", "Bill");
        keys.put("ReferenceNbr", null);
        return new DocumentWrite("Bill", body, billFilter(invoice.vendorId(), invoice.reference()), keys);
    }

    /** Keys are {@code INVOICE:<vendor>:<reference>} (see InvoiceKind.idempotencyKey). */
    @Override
    protected java.util.Optional<Lookup> lookup(String idempotencyKey) {
        String[] parts = idempotencyKey.split(":", 3);
        return parts.length == 3 ? java.util.Optional.of(new Lookup("Bill", billFilter(parts[1], parts[2]))) : java.util.Optional.empty();
    }

    private static String billFilter(String vendor, String reference) {
        return "Vendor eq '" + odata(vendor) + "' and VendorRef eq '" + odata(reference) + "'";
    }
}
