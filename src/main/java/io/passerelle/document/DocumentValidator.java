package io.passerelle.document;

import static io.passerelle.document.FieldChecks.MAX_DESCRIPTION;
import static io.passerelle.document.FieldChecks.MAX_ID;
import static io.passerelle.document.FieldChecks.MAX_LINES;
import static io.passerelle.document.FieldChecks.MAX_REFERENCE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.document.DocumentLineRequest.LineDraft;
import io.passerelle.idformat.IdFormats;
import io.passerelle.sync.SyncedKeys;

/**
 * Checks a new document field by field, reporting every fault at once ({@code lines[1].amount}): required fields,
 * lengths, amounts above 0 with 2 decimals, the stated {@code total} (optional) equal to the sum of the lines, real
 * dates, a connection of the document's company, and the vendor, project, tasks and cost codes among the records
 * synced for that company ({@link SyncedIds}: they are kept as the ERP spells them; the project may be a platform
 * project the connection links to one, and is then kept as the platform's code) and within the connection's
 * {@code options.idFormats}. The kind's own fields are checked by its request and lines
 * ({@link DocumentRequest#terms}, {@link DocumentLineRequest#check}). A plain bean.
 */
public class DocumentValidator<T, L extends DocumentLine> {

    private final DocumentKind<T, L> kind;
    private final ConnectionDirectory connections;
    private final IdFormats idFormats;
    private final SyncedKeys synced;
    private final ProjectLinks links;

    DocumentValidator(DocumentKind<T, L> kind, ConnectionDirectory connections, IdFormats idFormats,
            SyncedKeys synced, ProjectLinks links) {
        this.kind = kind;
        this.connections = connections;
        this.idFormats = idFormats;
        this.synced = synced;
        this.links = links;
    }

    public ValidDocument<T, L> validate(DocumentRequest<T, L> request) {
        FieldChecks checks = new FieldChecks();
        if (request == null) {
            checks.add("body", kind.withArticle() + " is required");
            checks.failIfAny(kind.name());
        }
        String company = checks.text("company", request.company(), true, 64);
        Connection connection = checks.connection(connections, request.connection(), company).orElse(null);
        SyncedIds ids = new SyncedIds(synced, links, connection, idFormats, checks);
        String reference = checks.text("reference", request.reference(), true, MAX_REFERENCE);
        ids.vendor("vendorId", checks.text("vendorId", request.vendorId(), true, MAX_ID));
        String project = checks.text("projectId", request.projectId(), true, MAX_ID);
        ids.project("projectId", project);
        String description = checks.text("description", request.description(), false, MAX_DESCRIPTION);
        LocalDate date = checks.date("date", request.date(), true);
        T terms = request.terms(date, checks);
        List<CheckedLine<L>> checked = lines(request.lines(), project, ids, checks);
        checks.total("total", request.total(), checked.stream().map(CheckedLine::amount).toList());
        ids.resolve();
        checks.failIfAny(kind.name());
        List<L> lines = checked.stream()
                .map(line -> line.draft().withIds(ids.erpId(line.at() + ".projectTaskId"),
                        ids.erpId(line.at() + ".costCode")))
                .toList();
        return new ValidDocument<>(connection, terms, reference, ids.erpId("vendorId"), ids.erpId("projectId"),
                description, date, lines);
    }

    private static <L extends DocumentLine> List<CheckedLine<L>> lines(List<? extends DocumentLineRequest<L>> given,
            String project, SyncedIds ids, FieldChecks checks) {
        List<CheckedLine<L>> checked = new ArrayList<>();
        if (given == null || given.isEmpty()) {
            checks.add("lines", "at least one line is required");
            return checked;
        }
        if (given.size() > MAX_LINES) {
            checks.add("lines", "at most " + MAX_LINES + " lines");
            return checked;
        }
        for (int i = 0; i < given.size(); i++) {
            String at = "lines[" + i + "]";
            DocumentLineRequest<L> line = given.get(i);
            if (line == null) {
                checks.add(at, "a line is required");
                continue;
            }
            ids.projectTask(at + ".projectTaskId", project,
                    checks.text(at + ".projectTaskId", line.projectTaskId(), true, MAX_ID));
            ids.costCode(at + ".costCode", checks.text(at + ".costCode", line.costCode(), true, MAX_ID));
            String description = checks.text(at + ".description", line.description(), false, MAX_DESCRIPTION);
            BigDecimal amount = checks.amount(at + ".amount", line.amount());
            checked.add(new CheckedLine<>(at, amount, line.check(at, description, amount, checks)));
        }
        return checked;
    }

    /** A line whose own fields passed, with its amount for the document's total. */
    private record CheckedLine<L>(String at, BigDecimal amount, LineDraft<L> draft) {
    }
}
