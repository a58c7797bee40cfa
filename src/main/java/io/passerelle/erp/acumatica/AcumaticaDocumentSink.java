package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.connection.Connection;
import io.passerelle.erp.http.WriteFailures;
import io.passerelle.export.ExportCandidate;
import io.passerelle.export.ExportSink;
import io.passerelle.export.ExportState;
import io.passerelle.export.ItemOutcome;
import io.passerelle.export.Preparation;
import io.passerelle.export.PreparedItem;
import io.passerelle.idformat.IdFormats;
import io.passerelle.idformat.IdKind;
import io.passerelle.run.Causes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Financial documents to Acumatica, one PUT each. A write can be repeated without creating a second
 * document: commitments are keyed by the platform's reference, bills are looked up by vendor and
 * vendor reference before they are written. So an answer that was lost is reconciled by writing again
 * (after reading back), and ids that break the connection's formats are refused before any call.
 */
public abstract class AcumaticaDocumentSink<T> implements ExportSink<T, DocumentWrite> {

    static final String ID_FORMAT = "ID_FORMAT";
    static final String REFUSED_BY_ACUMATICA = "ACUMATICA_VALIDATION";

    private final AcumaticaTransports transports;
    private final IdFormats idFormats;
    protected final ObjectMapper mapper;

    protected AcumaticaDocumentSink(AcumaticaTransports transports, IdFormats idFormats, ObjectMapper mapper) {
        this.transports = transports;
        this.idFormats = idFormats;
        this.mapper = mapper;
    }

    /** The ids of the item that the connection's id formats govern, by kind and field name. */
    protected abstract List<IdCheck> ids(T item);

    protected abstract DocumentWrite write(T item);

    /** Where to look for the document an idempotency key stands for: entity and {@code $filter}. */
    protected abstract java.util.Optional<Lookup> lookup(String idempotencyKey);

    protected record Lookup(String entity, String filter) {
    }

    protected record IdCheck(IdKind kind, String value, String field) {
    }

    @Override
    public int batchSize() {
        return 1;
    }

    @Override
    public Session<T, DocumentWrite> open(Connection connection) {
        AcumaticaSession session = transports.session(connection);
        session.signIn();
        return new DocumentSession(connection, session);
    }

    private final class DocumentSession implements Session<T, DocumentWrite> {
        private final Connection connection;
        private final AcumaticaSession session;

        DocumentSession(Connection connection, AcumaticaSession session) {
            this.connection = connection;
            this.session = session;
        }

        @Override
        public Preparation<DocumentWrite> prepare(ExportCandidate<T> candidate) {
            List<String> violations = new ArrayList<>();
            for (IdCheck id : ids(candidate.data())) {
                if (id.value() != null) {
                    violations.addAll(idFormats.violations(connection, id.kind(), id.value(), id.field()));
                }
            }
            if (!violations.isEmpty()) {
                return Preparation.refused(ID_FORMAT, String.join("; ", violations));
            }
            return Preparation.ready(new PreparedItem<>(candidate.sourceId(), candidate.idempotencyKey(), write(candidate.data())));
        }

        @Override
        public CompletableFuture<List<ItemOutcome>> send(String batchId, List<PreparedItem<DocumentWrite>> batch) {
            PreparedItem<DocumentWrite> item = batch.get(0);
            DocumentWrite write = item.payload();
            CompletableFuture<ObjectNode> body = write.lookup() == null ? CompletableFuture.completedFuture(write.body())
                    : session.list(write.entity(), Map.of("$filter", write.lookup(), "$top", "1"))
                            .thenApply(found -> withKeys(write, found));
            return body.thenCompose(document -> session.put(write.entity(), Map.of("$expand", "Details"), document, Map.of()))
                    .handle((saved, failure) -> List.of(outcome(item.idempotencyKey(), write, saved, failure)));
        }

        /** Reads back, by the platform's reference, whether a document whose answer was lost was stored. */
        @Override
        public Set<String> holds(List<String> idempotencyKeys) {
            Set<String> held = new java.util.HashSet<>();
            for (String key : idempotencyKeys) {
                lookup(key).ifPresent(where -> {
                    JsonNode found = AcumaticaSession.join(session.list(where.entity(), Map.of("$filter", where.filter(), "$top", "1")));
                    if (found.isArray() && !found.isEmpty()) {
                        held.add(key);
                    }
                });
            }
            return held;
        }

        @Override
        public void close() {
            session.close();
        }
    }

    /** OData string literal: a quote is written twice. */
    static String odata(String text) {
        return text.replace("'", "''");
    }

    private ObjectNode withKeys(DocumentWrite write, JsonNode found) {
        ObjectNode body = write.body().deepCopy();
        if (found.isArray() && !found.isEmpty()) {
            JsonNode existing = found.get(0);
            write.keyFields().forEach((field, ignored) -> {
                JsonNode key = existing.path(field);
                if (!key.isMissingNode()) {
                    body.set(field, key.deepCopy());
                }
            });
        }
        return body;
    }

    private static ItemOutcome outcome(String key, DocumentWrite write, JsonNode saved, Throwable failure) {
        if (failure == null) {
            return new ItemOutcome(key, ExportState.ACCEPTED, null, write.entity() + " " + documentNumber(saved));
        }
        Throwable cause = Causes.unwrap(failure);
        if (cause instanceof AcumaticaException refused && (refused.status() == 422 || refused.status() == 400)) {
            return new ItemOutcome(key, ExportState.REJECTED, REFUSED_BY_ACUMATICA, refused.getMessage());
        }
        throw new CompletionException(WriteFailures.unanswered("Acumatica", cause));
    }

    private static String documentNumber(JsonNode saved) {
        for (String key : List.of("SubcontractNbr", "OrderNbr", "ReferenceNbr")) {
            JsonNode value = saved == null ? null : saved.path(key).path("value");
            if (value != null && value.isTextual()) {
                return value.asText();
            }
        }
        return "saved";
    }
}
