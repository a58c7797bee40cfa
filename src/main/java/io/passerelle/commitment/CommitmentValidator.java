package io.passerelle.commitment;

import static io.passerelle.document.FieldChecks.MAX_DESCRIPTION;
import static io.passerelle.document.FieldChecks.MAX_ID;
import static io.passerelle.document.FieldChecks.MAX_LINES;
import static io.passerelle.document.FieldChecks.MAX_REFERENCE;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.passerelle.document.FieldChecks;
import io.passerelle.document.SyncedIds;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.idformat.IdFormats;
import io.passerelle.sync.SyncedKeys;

/**
 * Checks a new commitment field by field, reporting every fault at once ({@code lines[1].amount}): required
 * fields, lengths, amounts above 0 with 2 decimals, each line's amount equal to quantity × unitCost (when it has
 * a quantity), the stated {@code total} (optional) equal to the sum of the lines, real dates, a connection of
 * the commitment's company, and the vendor, project, tasks and cost codes among the records synced for that
 * company ({@link SyncedIds}: they are kept as the ERP spells them) and within the connection's
 * {@code options.idFormats}. A plain bean.
 */
public class CommitmentValidator {

    private final ConnectionDirectory connections;
    private final IdFormats idFormats;
    private final SyncedKeys synced;

    public CommitmentValidator(ConnectionDirectory connections, IdFormats idFormats, SyncedKeys synced) {
        this.connections = connections;
        this.idFormats = idFormats;
        this.synced = synced;
    }

    public ValidCommitment validate(CommitmentRequest request) {
        FieldChecks checks = new FieldChecks();
        if (request == null) {
            checks.add("body", "a commitment is required");
            checks.failIfAny("commitment");
        }
        String company = checks.text("company", request.company(), true, 64);
        Connection connection = checks.connection(connections, request.connection(), company).orElse(null);
        SyncedIds ids = new SyncedIds(synced, connection, idFormats, checks);
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
        ids.vendor("vendorId", checks.text("vendorId", request.vendorId(), true, MAX_ID));
        String project = checks.text("projectId", request.projectId(), true, MAX_ID);
        ids.project("projectId", project);
        String description = checks.text("description", request.description(), false, MAX_DESCRIPTION);
        var date = checks.date("date", request.date(), true);
        List<CheckedLine> checked = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
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
                ids.projectTask(at + ".projectTaskId", project,
                        checks.text(at + ".projectTaskId", line.projectTaskId(), true, MAX_ID));
                ids.costCode(at + ".costCode", checks.text(at + ".costCode", line.costCode(), true, MAX_ID));
                BigDecimal quantity = checks.optionalDecimal(at + ".quantity", line.quantity(), false, 4);
                BigDecimal unitCost = checks.optionalDecimal(at + ".unitCost", line.unitCost(), true, 4);
                BigDecimal amount = checks.amount(at + ".amount", line.amount());
                checks.lineAmount(at, quantity, unitCost, amount);
                checked.add(new CheckedLine(at, checks.text(at + ".description", line.description(), false,
                        MAX_DESCRIPTION), quantity, unitCost, amount));
                amounts.add(amount);
            }
        }
        checks.total("total", request.total(), amounts);
        ids.resolve();
        checks.failIfAny("commitment");
        List<CommitmentLine> lines = checked.stream()
                .map(line -> new CommitmentLine(ids.erpId(line.at() + ".projectTaskId"),
                        ids.erpId(line.at() + ".costCode"), line.description(), line.quantity(), line.unitCost(),
                        line.amount()))
                .toList();
        return new ValidCommitment(connection, type, reference, ids.erpId("vendorId"), ids.erpId("projectId"),
                description, date, lines);
    }

    /** A line whose own fields passed; its ids come from {@link SyncedIds} once the whole document is looked up. */
    private record CheckedLine(String at, String description, BigDecimal quantity, BigDecimal unitCost,
            BigDecimal amount) {
    }
}
