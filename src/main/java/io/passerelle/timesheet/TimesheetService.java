package io.passerelle.timesheet;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.passerelle.connection.FieldProblem;
import io.passerelle.export.ExportState;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Timesheets for the API: create, read, list, change status, replace lines, and correct one rejected line.
 * A FROZEN sheet cannot be edited, except that a line the ERP REJECTED may be corrected (then sent again);
 * a line an ERP holds or may hold (SENT, ACCEPTED, DUPLICATE, UNKNOWN) is never changed.
 */
@Service
public class TimesheetService {

    /** States in which an ERP holds the line, or may hold it: the line cannot change any more. */
    private static final Set<String> IN_ERP = Set.of(ExportState.SENT.name(), ExportState.ACCEPTED.name(),
            ExportState.DUPLICATE.name(), ExportState.UNKNOWN.name());
    /** States in which the ERP may or may not hold the line: the next export asks it. */
    private static final Set<String> IN_DOUBT = Set.of(ExportState.SENT.name(), ExportState.UNKNOWN.name());

    private final TimesheetStore store;
    private final TimesheetValidator validator;
    private final Clock clock;

    @Autowired
    public TimesheetService(TimesheetStore store, ReferenceLookup lookup) {
        this(store, new TimesheetValidator(lookup), Clock.systemUTC());
    }

    TimesheetService(TimesheetStore store, TimesheetValidator validator, Clock clock) {
        this.store = store;
        this.validator = validator;
        this.clock = clock;
    }

    @Transactional
    public TimesheetView create(TimesheetRequest request) {
        ValidTimesheet sheet = validator.validate(request);
        String id = UUID.randomUUID().toString();
        store.insert(id, sheet, clock.instant());
        return get(id);
    }

    @Transactional(readOnly = true)
    public TimesheetView get(String timesheetId) {
        return store.view(timesheetId).orElseThrow(() -> notFound(timesheetId));
    }

    @Transactional(readOnly = true)
    public TimesheetPage search(String company, TimesheetStatus status, String after, int limit) {
        List<TimesheetSummary> items = store.search(company, status, after, limit + 1);
        String next = null;
        if (items.size() > limit) {
            items = items.subList(0, limit);
            next = items.get(limit - 1).id();
        }
        return new TimesheetPage(items, next);
    }

    /**
     * DRAFT ↔ VALIDATED, anything → FROZEN; FROZEN → anything else is a conflict. The same status is a no-op. A
     * sheet none of whose lines is FROZEN yet may still have lines an ERP holds or may hold (an export stopped
     * before it could freeze the sheet; the next one does): it cannot go back to DRAFT, each such line is named.
     */
    @Transactional
    public TimesheetView changeStatus(String timesheetId, TimesheetStatus next) {
        Instant now = clock.instant();
        TimesheetStore.Head head = lockedHead(timesheetId, now);
        if (head.status() != next) {
            if (!head.status().canBecome(next)) {
                throw new TimesheetConflictException("status", "a FROZEN timesheet stays FROZEN");
            }
            if (next == TimesheetStatus.DRAFT) {
                refuseDraftWithLinesInErp(get(timesheetId));
            }
            store.setStatus(timesheetId, next, now);
        }
        return get(timesheetId);
    }

    private static void refuseDraftWithLinesInErp(TimesheetView sheet) {
        List<FieldProblem> problems = new ArrayList<>();
        boolean inDoubt = false;
        for (int i = 0; i < sheet.lines().size(); i++) {
            LineView line = sheet.lines().get(i);
            for (LineExport export : line.exports()) {
                if (IN_DOUBT.contains(export.state())) {
                    inDoubt = true;
                    problems.add(new FieldProblem("lines[" + i + "]", "line " + line.lineId() + " is " + export.state()
                            + " with connection '" + export.connection() + "': it went to the ERP and its answer is not"
                            + " recorded; the next export asks the ERP whether it holds it"));
                } else if (IN_ERP.contains(export.state())) {
                    problems.add(new FieldProblem("lines[" + i + "]", "line " + line.lineId() + " is " + export.state()
                            + " with connection '" + export.connection() + "': the ERP holds it; change it there"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new TimesheetConflictException("this timesheet cannot go back to DRAFT: " + (inDoubt
                    ? "some of its lines are in doubt with an ERP (SENT or UNKNOWN)" : "some of its lines are held by an ERP")
                    + "; see errors", problems);
        }
    }

    /** Replaces every line of a timesheet that is not FROZEN and none of whose lines an ERP holds. */
    @Transactional
    public TimesheetView replaceLines(String timesheetId, TimesheetRequest request) {
        Instant now = clock.instant();
        TimesheetStore.Head head = lockedHead(timesheetId, now);
        if (head.status() == TimesheetStatus.FROZEN) {
            throw new TimesheetConflictException("status", "a FROZEN timesheet cannot be edited; only a line "
                    + "its ERP rejected may be corrected, with PUT /api/timesheets/{id}/lines/{lineId}");
        }
        TimesheetView current = get(timesheetId);
        boolean inErp = current.lines().stream().flatMap(l -> l.exports().stream())
                .anyMatch(x -> IN_ERP.contains(x.state()));
        if (inErp) {
            throw new TimesheetConflictException("lines", "some lines of this timesheet are already in an ERP");
        }
        List<ValidLine> lines = validator.validateLines(head.companyId(), timesheetId,
                request == null ? null : request.lines());
        store.replaceLines(timesheetId, lines, now);
        return get(timesheetId);
    }

    /**
     * Corrects one line: any line of a sheet that is not FROZEN, and on a FROZEN sheet a line an ERP REJECTED.
     * Never a line an ERP holds or may hold.
     */
    @Transactional
    public TimesheetView correctLine(String timesheetId, String lineId, LineRequest line) {
        Instant now = clock.instant();
        TimesheetStore.Head head = lockedHead(timesheetId, now);
        String id = lineId.toLowerCase(java.util.Locale.ROOT);
        if (!timesheetId.equals(store.lineOwners(List.of(id)).get(id))) {
            throw new TimesheetNotFoundException("timesheet '" + timesheetId + "' has no line '" + lineId + "'");
        }
        List<String> states = store.lockLineExportStates(id);
        if (states.stream().anyMatch(IN_ERP::contains)) {
            throw new TimesheetConflictException("lineId", "this line is already in an ERP (or may be: "
                    + String.join(", ", states) + "); change it there");
        }
        if (head.status() == TimesheetStatus.FROZEN && !states.contains(ExportState.REJECTED.name())) {
            throw new TimesheetConflictException("status",
                    "a FROZEN timesheet cannot be edited; only a line its ERP rejected may be corrected");
        }
        ValidLine valid = validator.validateLine(head.companyId(), id, line);
        store.updateLine(timesheetId, valid, now);
        return get(timesheetId);
    }

    private TimesheetStore.Head lockedHead(String timesheetId, Instant now) {
        if (!store.lock(timesheetId, now)) {
            throw notFound(timesheetId);
        }
        return store.head(timesheetId).orElseThrow(() -> notFound(timesheetId));
    }

    private static TimesheetNotFoundException notFound(String timesheetId) {
        return new TimesheetNotFoundException("no timesheet '" + timesheetId + "'");
    }
}
