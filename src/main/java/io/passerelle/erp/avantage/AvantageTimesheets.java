package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.ConnectTimeoutException;
import io.passerelle.erp.avantage.codec.ConnectionDeniedException;
import io.passerelle.erp.avantage.codec.NotAvantageServerException;
import io.passerelle.export.ExportState;
import io.passerelle.export.ItemOutcome;
import io.passerelle.export.NotSentException;
import io.passerelle.export.OutcomeUnknownException;
import io.passerelle.run.Causes;
import io.passerelle.run.Futures;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Timesheet lines over MainTCP: {@code POST_TIMESHEETS} (idempotent by lineId) and
 * {@code GET_TIMESHEET_LINES} (what the server holds, asked before anything in doubt is resent).
 */
public class AvantageTimesheets {

    /** What one POST_TIMESHEETS and one GET_TIMESHEET_LINES may carry. */
    public static final int MAX_LINES = 1000;

    private final AvantageSession session;
    private final ObjectMapper mapper;

    public AvantageTimesheets(AvantageSession session, ObjectMapper mapper) {
        this.session = session;
        this.mapper = mapper;
    }

    /**
     * Posts one batch. Completes with an outcome per line; exceptionally with {@link NotSentException}
     * when the server was never reached, {@link OutcomeUnknownException} when the answer was lost.
     */
    public CompletableFuture<List<ItemOutcome>> post(String batchId, List<ObjectNode> lines, Set<String> resent) {
        ObjectNode request = mapper.createObjectNode();
        request.put("batchId", batchId);
        ArrayNode array = request.putArray("lines");
        lines.forEach(array::add);
        List<String> lineIds = lines.stream().map(line -> line.path("lineId").asText()).toList();
        return session.call("POST_TIMESHEETS", request)
                .handle((answer, failure) -> {
                    if (failure != null) {
                        throw new CompletionException(classify(failure));
                    }
                    return outcomes(answer, lineIds, resent);
                });
    }

    /** Of these line ids, the ones Avantage holds. */
    public Set<String> holds(List<String> lineIds) {
        Set<String> held = new HashSet<>();
        for (int from = 0; from < lineIds.size(); from += MAX_LINES) {
            ObjectNode request = mapper.createObjectNode();
            ArrayNode ids = request.putArray("lineIds");
            lineIds.subList(from, Math.min(lineIds.size(), from + MAX_LINES)).forEach(ids::add);
            JsonNode answer = Futures.join(session.call("GET_TIMESHEET_LINES", request));
            answer.path("lines").forEach(line -> held.add(line.path("lineId").asText()));
        }
        return held;
    }

    /**
     * Avantage answers counts for accepted and duplicate lines and names only the rejected ones. A
     * line not rejected is ACCEPTED, or DUPLICATE when the server counted only duplicates, or when
     * some were duplicates and this line had been sent before.
     */
    static List<ItemOutcome> outcomes(JsonNode answer, List<String> lineIds, Set<String> resent) {
        Map<String, JsonNode> rejected = new HashMap<>();
        answer.path("rejected").forEach(rejection -> rejected.put(rejection.path("lineId").asText(), rejection));
        // the spec names the fields without saying count or list: a server may answer either
        Set<String> duplicateIds = ids(answer.path("duplicates"));
        int accepted = answer.path("accepted").isArray() ? answer.path("accepted").size() : answer.path("accepted").asInt();
        int duplicates = answer.path("duplicates").isArray() ? duplicateIds.size() : answer.path("duplicates").asInt();
        List<ItemOutcome> outcomes = new ArrayList<>(lineIds.size());
        for (String lineId : lineIds) {
            JsonNode rejection = rejected.get(lineId);
            if (answer.path("duplicates").isArray() && rejection == null) {
                outcomes.add(duplicateIds.contains(lineId)
                        ? new ItemOutcome(lineId, ExportState.DUPLICATE, "DUPLICATE", "Avantage already held this line")
                        : new ItemOutcome(lineId, ExportState.ACCEPTED, null, null));
            } else if (rejection != null) {
                outcomes.add(new ItemOutcome(lineId, ExportState.REJECTED, rejection.path("code").asText(null),
                        rejection.path("message").asText(null)));
            } else if (duplicates > 0 && (accepted == 0 || resent.contains(lineId))) {
                outcomes.add(new ItemOutcome(lineId, ExportState.DUPLICATE, "DUPLICATE",
                        "Avantage already held this line"));
            } else {
                outcomes.add(new ItemOutcome(lineId, ExportState.ACCEPTED, null, null));
            }
        }
        return outcomes;
    }

    private static Set<String> ids(JsonNode list) {
        Set<String> ids = new HashSet<>();
        list.forEach(id -> ids.add(id.isObject() ? id.path("lineId").asText() : id.asText()));
        return ids;
    }

    /** Could we not even reach the server (safe to send later), or did the answer get lost (ask first)? */
    static RuntimeException classify(Throwable failure) {
        Throwable cause = Causes.unwrap(failure);
        for (Throwable c : Causes.chain(cause)) {
            if (c instanceof ConnectException || c instanceof ConnectTimeoutException
                    || c instanceof ConnectionDeniedException || c instanceof NotAvantageServerException) {
                return new NotSentException("Avantage could not be reached: " + c.getMessage(), cause);
            }
        }
        if (cause instanceof AvantageErrorException refused && !"INTERNAL".equals(refused.code())) {
            // a refusal of the whole request (BAD_REQUEST, AUTH_FAILED, TOO_LARGE, BUSY after the last attempt):
            // the server says it stored nothing
            return new NotSentException(refused.getMessage(), cause);
        }
        return new OutcomeUnknownException("no answer from Avantage: " + cause.getMessage(), cause);
    }
}
