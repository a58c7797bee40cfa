package io.passerelle.invoice;

import static io.passerelle.document.FieldChecks.MAX_DESCRIPTION;
import static io.passerelle.document.FieldChecks.MAX_ID;
import static io.passerelle.document.FieldChecks.MAX_LINES;
import static io.passerelle.document.FieldChecks.MAX_REFERENCE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.passerelle.document.FieldChecks;
import io.passerelle.document.SyncedIds;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.idformat.IdFormats;
import io.passerelle.sync.SyncedKeys;

/**
 * Checks a new vendor invoice field by field, reporting every fault at once ({@code lines[1].amount}): required
 * fields, lengths, amounts above 0 with 2 decimals, the stated {@code total} (optional) equal to the sum of the
 * lines, real dates (a due date not before the invoice date), a connection of the invoice's company, and the
 * vendor, project, tasks and cost codes among the records synced for that company ({@link SyncedIds}: they are
 * kept as the ERP spells them) and within the connection's {@code options.idFormats}. A plain bean.
 */
public class InvoiceValidator {

    private final ConnectionDirectory connections;
    private final IdFormats idFormats;
    private final SyncedKeys synced;

    public InvoiceValidator(ConnectionDirectory connections, IdFormats idFormats, SyncedKeys synced) {
        this.connections = connections;
        this.idFormats = idFormats;
        this.synced = synced;
    }

    public ValidInvoice validate(InvoiceRequest request) {
        FieldChecks checks = new FieldChecks();
        if (request == null) {
            checks.add("body", "an invoice is required");
            checks.failIfAny("invoice");
        }
        String company = checks.text("company", request.company(), true, 64);
        Connection connection = checks.connection(connections, request.connection(), company).orElse(null);
        SyncedIds ids = new SyncedIds(synced, connection, idFormats, checks);
        String reference = checks.text("reference", request.reference(), true, MAX_REFERENCE);
        ids.vendor("vendorId", checks.text("vendorId", request.vendorId(), true, MAX_ID));
        String project = checks.text("projectId", request.projectId(), true, MAX_ID);
        ids.project("projectId", project);
        String commitmentReference = checks.text("commitmentReference", request.commitmentReference(), false,
                MAX_REFERENCE);
        LocalDate date = checks.date("date", request.date(), true);
        LocalDate dueDate = checks.date("dueDate", request.dueDate(), false);
        if (date != null && dueDate != null && dueDate.isBefore(date)) {
            checks.add("dueDate", "must not be before date");
        }
        String description = checks.text("description", request.description(), false, MAX_DESCRIPTION);
        List<CheckedLine> checked = new ArrayList<>();
        if (request.lines() == null || request.lines().isEmpty()) {
            checks.add("lines", "at least one line is required");
        } else if (request.lines().size() > MAX_LINES) {
            checks.add("lines", "at most " + MAX_LINES + " lines");
        } else {
            for (int i = 0; i < request.lines().size(); i++) {
                String at = "lines[" + i + "]";
                InvoiceLineRequest line = request.lines().get(i);
                if (line == null) {
                    checks.add(at, "a line is required");
                    continue;
                }
                ids.projectTask(at + ".projectTaskId", project,
                        checks.text(at + ".projectTaskId", line.projectTaskId(), true, MAX_ID));
                ids.costCode(at + ".costCode", checks.text(at + ".costCode", line.costCode(), true, MAX_ID));
                checked.add(new CheckedLine(at, checks.text(at + ".description", line.description(), false,
                        MAX_DESCRIPTION), checks.amount(at + ".amount", line.amount())));
            }
        }
        checks.total("total", request.total(), checked.stream().map(CheckedLine::amount).toList());
        ids.resolve();
        checks.failIfAny("invoice");
        List<InvoiceLine> lines = checked.stream()
                .map(line -> new InvoiceLine(ids.erpId(line.at() + ".projectTaskId"), ids.erpId(line.at() + ".costCode"),
                        line.description(), line.amount()))
                .toList();
        return new ValidInvoice(connection, reference, ids.erpId("vendorId"), ids.erpId("projectId"),
                commitmentReference, date, dueDate, description, lines);
    }

    /** A line whose own fields passed; its ids come from {@link SyncedIds} once the whole invoice is looked up. */
    private record CheckedLine(String at, String description, BigDecimal amount) {
    }
}
