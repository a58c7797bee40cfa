package io.passerelle.erp.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.Connection;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.erp.http.RestRequest;
import io.passerelle.erp.http.WriteFailures;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSink;
import io.passerelle.export.ItemOutcome;
import io.passerelle.export.NotSentException;
import io.passerelle.export.OutcomeUnknownException;
import io.passerelle.export.Preparation;
import io.passerelle.export.PreparedItem;
import io.passerelle.run.Futures;
import io.passerelle.sync.SyncedKey;
import io.passerelle.sync.SyncedKeys;
import io.passerelle.timesheet.ActivityKind;
import io.passerelle.timesheet.ExportableLine;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Clocked hours to AbaProject: each timesheet line is one {@code ProjectBookings} entity, POSTed on its own. A line
 * whose employee, project or service code the mandant does not have (or has inactive) is refused before anything is
 * sent, naming it. A 409 on the booking's own Id is read back and counts as delivered; a lost answer is read back by
 * Id before anything is resent ({@link #holds}); a 400's details become the line's rejection.
 */
@Component
public class AbacusBookingSink implements ExportSink<ExportableLine, ObjectNode> {

    static final String UNKNOWN_REFERENCE = "UNKNOWN_REFERENCE";
    static final String INACTIVE_REFERENCE = "INACTIVE_REFERENCE";
    static final String MISSING_SERVICE_CODE = "MISSING_SERVICE_CODE";
    /** Read-backs in flight at once: well inside Abacus's per-user limit of 200 calls a minute, waited out if not. */
    static final int READS_AT_ONCE = 8;

    private final AbacusTransports transports;
    private final SyncedKeys synced;
    private final ObjectMapper mapper;

    public AbacusBookingSink(AbacusTransports transports, SyncedKeys synced, ObjectMapper mapper) {
        this.transports = transports;
        this.synced = synced;
        this.mapper = mapper;
    }

    /** The Entity API takes one booking per POST; the engine keeps several in flight. */
    @Override
    public int batchSize() {
        return 1;
    }

    @Override
    public Session<ExportableLine, ObjectNode> open(Connection connection) {
        long companyId = synced.companyOfConnection(connection.id())
                .orElseThrow(() -> new IllegalStateException("connection " + connection.id() + " has no company"));
        return new BookingSession(transports.session(connection).open(), companyId);
    }

    private final class BookingSession implements Session<ExportableLine, ObjectNode> {
        private final AbacusSession session;
        private final long companyId;
        /** What this run learnt of the mandant's records, by entity and match key: few distinct ones per run. */
        private final Map<CanonicalEntity, Map<String, Optional<SyncedKey>>> known = new ConcurrentHashMap<>();

        BookingSession(AbacusSession session, long companyId) {
            this.session = session;
            this.companyId = companyId;
        }

        @Override
        public Preparation<ObjectNode> prepare(ExportCandidate<ExportableLine> candidate) {
            ExportableLine line = candidate.data();
            List<String> problems = new ArrayList<>();
            String code = null;
            Reference employee = reference(CanonicalEntity.EMPLOYEE, "employee", "employeeNumber", line.employeeNumber());
            Reference project = reference(CanonicalEntity.PROJECT, "project", "projectNumber", line.projectNumber());
            Reference serviceCode = line.activityCode() == null ? null
                    : line.activityKind() == ActivityKind.ACTIVITY
                            ? new Reference(0, UNKNOWN_REFERENCE, "activityCode: '" + line.activityCode()
                                    + "' is an activity of the project, not an Abacus service code")
                            : reference(CanonicalEntity.SERVICE_CODE, "service code", "activityCode", line.activityCode());
            for (Reference reference : new Reference[] {employee, project, serviceCode}) {
                if (reference != null && reference.problem() != null) {
                    problems.add(reference.problem());
                    code = code == null ? reference.code() : code;
                }
            }
            if (serviceCode == null) {
                problems.add("activityCode: an Abacus booking needs a service code (Leistungsart), and the line names none");
                code = code == null ? MISSING_SERVICE_CODE : code;
            }
            if (!problems.isEmpty()) {
                return Preparation.refused(code, String.join("; ", problems));
            }
            ObjectNode booking = AbacusBookings.booking(mapper, line, employee.id(), project.id(), serviceCode.id());
            return Preparation.ready(new PreparedItem<>(candidate.sourceId(), candidate.idempotencyKey(), booking));
        }

        /**
         * @param raw the line's code as the canonical record spells it (an Abacus Id)
         */
        private Reference reference(CanonicalEntity entity, String what, String field, String raw) {
            String text = raw == null ? "" : raw.strip();
            if (!text.matches("\\d{1,18}")) {
                return new Reference(0, UNKNOWN_REFERENCE, field + ": '" + raw + "' is not the Id of an Abacus " + what);
            }
            String key = KeyNormalizer.matchKey(raw);
            Optional<SyncedKey> record = known.computeIfAbsent(entity, e -> new ConcurrentHashMap<>()).computeIfAbsent(key,
                    k -> Optional.ofNullable(synced.find(companyId, entity, List.of(k)).get(k)));
            if (record.isEmpty()) {
                return new Reference(0, UNKNOWN_REFERENCE, field + ": " + what + " " + text + " is not one of mandant "
                        + session.mandantNumber() + "'s (not synced from Abacus)");
            }
            if (AbacusMappers.INACTIVE.equals(record.get().status())) {
                return new Reference(0, INACTIVE_REFERENCE, field + ": " + what + " " + text + " is inactive in Abacus");
            }
            return new Reference(Long.parseLong(text), null, null);
        }

        @Override
        public CompletableFuture<List<ItemOutcome>> send(String batchId, List<PreparedItem<ObjectNode>> batch) {
            PreparedItem<ObjectNode> item = batch.get(0);
            ObjectNode booking = item.payload();
            String bookingId = booking.path("Id").asText();
            RestRequest post = RestRequest.post(bookings(), "application/json", session.rest().client().json(booking))
                    .withHeaders(Map.of("Accept", "application/json"));
            return session.exchange(post, "POST ProjectBookings")
                    .handle((answer, failure) -> {
                        if (failure != null) {
                            throw new CompletionException(WriteFailures.unanswered("Abacus", failure));
                        }
                        return answer;
                    })
                    .thenCompose(answer -> outcome(item.idempotencyKey(), bookingId, answer))
                    .thenApply(List::of);
        }

        private CompletableFuture<ItemOutcome> outcome(String key, String bookingId, HttpAnswer answer) {
            if (answer.ok()) {
                return CompletableFuture.completedFuture(AbacusBookings.accepted(key, bookingId,
                        session.rest().client().json(answer)));
            }
            if (answer.status() == 409) {
                return readBack(bookingId).thenApply(stored -> stored.map(found -> AbacusBookings.held(key, bookingId, found))
                        .orElseThrow(() -> new OutcomeUnknownException("Abacus answered 409 Conflict for ProjectBooking "
                                + bookingId + " but does not show it; it is read back again before any resend", null)));
            }
            if (answer.status() == 400 || answer.status() == 422) {
                return CompletableFuture.completedFuture(AbacusBookings.rejected(key, answer));
            }
            RuntimeException refused = AbacusTransports.REFUSALS.refused("POST ProjectBookings", answer);
            if (answer.status() >= 400 && answer.status() < 500) {
                // 401 after a new token, 403 without the write scope, 404 for a mandant gone: nothing was stored
                throw new NotSentException(AbacusFailures.link(refused, session.server(), session.mandantNumber())
                        .map(Throwable::getMessage).orElse(refused.getMessage()), refused);
            }
            throw new OutcomeUnknownException("Abacus answered the booking " + refused.getMessage()
                    + "; it is read back before any resend", refused);
        }

        /** The booking as Abacus holds it, or empty when it holds none of that Id. */
        private CompletableFuture<Optional<JsonNode>> readBack(String bookingId) {
            RestRequest get = RestRequest.get(bookings() + "(" + bookingId + ")", Map.of())
                    .withHeaders(Map.of("Accept", "application/json"));
            return session.exchange(get, "GET ProjectBookings").thenApply(answer -> {
                if (answer.status() == 404) {
                    return Optional.<JsonNode>empty();
                }
                if (!answer.ok()) {
                    throw AbacusTransports.REFUSALS.refused("GET ProjectBookings", answer);
                }
                return Optional.of(session.rest().client().json(answer));
            });
        }

        /** Reads each line's booking back by its Id, {@link #READS_AT_ONCE} at a time. */
        @Override
        public Set<String> holds(List<String> lineIds) {
            Set<String> held = new HashSet<>();
            for (int from = 0; from < lineIds.size(); from += READS_AT_ONCE) {
                Map<String, CompletableFuture<Optional<JsonNode>>> reads = new java.util.LinkedHashMap<>();
                lineIds.subList(from, Math.min(lineIds.size(), from + READS_AT_ONCE))
                        .forEach(lineId -> reads.put(lineId, readBack(AbacusBookings.bookingId(lineId))));
                reads.forEach((lineId, read) -> {
                    if (Futures.join(read).isPresent()) {
                        held.add(lineId);
                    }
                });
            }
            return held;
        }

        private String bookings() {
            return session.mandantPath() + "/" + AbacusScopes.BOOKINGS;
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /** A line's employee, project or service code: its Abacus Id, or why the line cannot name it. */
    private record Reference(long id, String code, String problem) {
    }
}
