package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.document.CommitmentLine;
import io.passerelle.document.CommitmentTerms;
import io.passerelle.document.CommitmentType;
import io.passerelle.document.ExportableDocument;
import io.passerelle.idformat.IdFormats;
import io.passerelle.idformat.IdKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Accepted commitments as {@code Subcontract} or {@code PurchaseOrder} (type Normal), numbered with the
 * platform's reference ("use the platform's contract number"), so a repeated PUT updates, never doubles.
 */
@Component
public class AcumaticaCommitmentSink
        extends AcumaticaDocumentSink<ExportableDocument<CommitmentTerms, CommitmentLine>> {

    public AcumaticaCommitmentSink(AcumaticaTransports transports, IdFormats idFormats, ObjectMapper mapper) {
        super(transports, idFormats, mapper);
    }

    @Override
    protected List<IdCheck> ids(ExportableDocument<CommitmentTerms, CommitmentLine> commitment) {
        List<IdCheck> ids = new ArrayList<>();
        ids.add(new IdCheck(IdKind.VENDOR_ID, commitment.vendorId(), "vendorId"));
        ids.add(new IdCheck(IdKind.PROJECT_ID, commitment.projectId(), "projectId"));
        for (int i = 0; i < commitment.lines().size(); i++) {
            CommitmentLine line = commitment.lines().get(i);
            ids.add(new IdCheck(IdKind.PROJECT_TASK_ID, line.projectTaskId(), "lines[" + i + "].projectTaskId"));
            ids.add(new IdCheck(IdKind.COST_CODE, line.costCode(), "lines[" + i + "].costCode"));
        }
        return ids;
    }

    @Override
    protected DocumentWrite write(ExportableDocument<CommitmentTerms, CommitmentLine> commitment) {
        boolean subcontract = commitment.terms().type() == CommitmentType.SUBCONTRACT;
        ObjectNode body = mapper.createObjectNode();
        if (subcontract) {
            AcumaticaJson.wrap(body, "SubcontractNbr", commitment.reference());
        } else {
            AcumaticaJson.wrap(body, "Type", "Normal");
            AcumaticaJson.wrap(body, "OrderNbr", commitment.reference());
            AcumaticaJson.wrap(body, "Project", commitment.projectId());
        }
        AcumaticaJson.wrap(body, "VendorID", commitment.vendorId());
        AcumaticaJson.wrap(body, "Description", commitment.description());
        AcumaticaJson.wrap(body, "Date", commitment.date() == null ? null : commitment.date().toString());
        ArrayNode details = body.putArray("Details");
        for (CommitmentLine line : commitment.lines()) {
            ObjectNode row = details.addObject();
            AcumaticaJson.wrap(row, "Project", commitment.projectId());
            AcumaticaJson.wrap(row, subcontract ? "Task" : "ProjectTask", line.projectTaskId());
            AcumaticaJson.wrap(row, "CostCode", line.costCode());
            AcumaticaJson.wrap(row, "Description", line.description());
            AcumaticaJson.wrap(row, "OrderQty", line.quantity());
            AcumaticaJson.wrap(row, "UnitCost", line.unitCost());
            AcumaticaJson.wrap(row, "ExtendedCost", line.amount());
        }
        return new DocumentWrite(subcontract ? "Subcontract" : "PurchaseOrder", body, null, Map.of());
    }

    /** Keys are {@code <type>:<reference>} (see CommitmentKind.idempotencyKey); the reference is the document number. */
    @Override
    protected java.util.Optional<Lookup> lookup(String idempotencyKey) {
        String[] parts = idempotencyKey.split(":", 2);
        if (parts.length < 2) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(CommitmentType.SUBCONTRACT.name().equals(parts[0])
                ? new Lookup("Subcontract", "SubcontractNbr eq '" + odata(parts[1]) + "'")
                : new Lookup("PurchaseOrder", "Type eq 'Normal' and OrderNbr eq '" + odata(parts[1]) + "'"));
    }
}
