package io.passerelle.commitment;

import static io.passerelle.approval.FieldChecks.MAX_DESCRIPTION;
import static io.passerelle.approval.FieldChecks.MAX_ID;
import static io.passerelle.approval.FieldChecks.MAX_LINES;
import static io.passerelle.approval.FieldChecks.MAX_REFERENCE;

import java.util.ArrayList;
import java.util.List;

import io.passerelle.approval.FieldChecks;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.idformat.IdFormats;
import io.passerelle.idformat.IdKind;

/**
 * Checks a new commitment field by field, reporting every fault at once ({@code lines[1].amount}): required
 * fields, lengths, amounts above 0 with 2 decimals, real dates, a connection of the commitment's company, and
 * the vendor, project, task and cost code ids against the connection's {@code options.idFormats}. A plain bean.
 */
public class CommitmentValidator {

    private final ConnectionDirectory connections;
    private final IdFormats idFormats;

    public CommitmentValidator(ConnectionDirectory connections, IdFormats idFormats) {
        this.connections = connections;
        this.idFormats = idFormats;
    }

    public ValidCommitment validate(CommitmentRequest request) {
        FieldChecks checks = new FieldChecks();
        if (request == null) {
            checks.add("body", "a commitment is required");
            checks.failIfAny("commitment");
        }
        String company = checks.text("company", request.company(), true, 64);
        Connection connection = checks.connection(connections, request.connection(), company).orElse(null);
        CommitmentType type = null;
        if (request.type() == null || request.type().isBlank()) {
            checks.add("type", "required");
        } else {
            type = CommitmentType.parse(request.type()).orElse(null);
            if (type == null) {
                checks.add("type", "SUBCONTRACT or PURCHASE_ORDER");
            }
        }
        String reference = checks.text("reference", request.reference(), true, MAX_REFERENCE);
        String vendorId = checks.id("vendorId", request.vendorId(), true, MAX_ID, connection, IdKind.VENDOR_ID, idFormats);
        String projectId = checks.id("projectId", request.projectId(), true, MAX_ID, connection, IdKind.PROJECT_ID,
                idFormats);
        String description = checks.text("description", request.description(), false, MAX_DESCRIPTION);
        var date = checks.date("date", request.date(), true);
        List<CommitmentLine> lines = new ArrayList<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            checks.add("lines", "at least one line is required");
        } else if (request.lines().size() > MAX_LINES) {
            checks.add("lines", "at most " + MAX_LINES + " lines");
        } else {
            for (int i = 0; i < request.lines().size(); i++) {
                String at = "lines[" + i + "]";
                CommitmentLineRequest line = request.lines().get(i);
                if (line == null) {
                    checks.add(at, "a line is required");
                    continue;
                }
                lines.add(new CommitmentLine(
                        checks.id(at + ".projectTaskId", line.projectTaskId(), true, MAX_ID, connection,
                                IdKind.PROJECT_TASK_ID, idFormats),
                        checks.id(at + ".costCode", line.costCode(), true, MAX_ID, connection, IdKind.COST_CODE,
                                idFormats),
                        checks.text(at + ".description", line.description(), false, MAX_DESCRIPTION),
                        checks.optionalDecimal(at + ".quantity", line.quantity(), false, 4),
                        checks.optionalDecimal(at + ".unitCost", line.unitCost(), true, 4),
                        checks.amount(at + ".amount", line.amount())));
            }
        }
        checks.failIfAny("commitment");
        return new ValidCommitment(connection, type, reference, vendorId, projectId, description, date, lines);
    }
}
