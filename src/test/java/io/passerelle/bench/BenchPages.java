package io.passerelle.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.erp.avantage.AvantageSession;
import io.passerelle.run.Futures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The contenders' fetch: {@code LIST EMPLOYEE} pages over the very MainTCP client Passerelle uses
 * (the connection's camel-netty transport, codec and session), and the latest {@code modifiedAt} seen,
 * which is what a hand-written incremental job keeps as its watermark.
 */
final class BenchPages {

    record Page(List<JsonNode> items, String next) {
    }

    private final AvantageSession session;
    private final ObjectMapper mapper;
    private final int pageSize;
    private volatile Instant watermark;

    BenchPages(AvantageSession session, ObjectMapper mapper, int pageSize) {
        this.session = session;
        this.mapper = mapper;
        this.pageSize = pageSize;
    }

    CompletableFuture<Page> fetch(String after, Instant modifiedSince) {
        ObjectNode list = mapper.createObjectNode();
        list.put("entity", "EMPLOYEE");
        list.put("limit", pageSize);
        if (after != null) {
            list.put("after", after);
        }
        if (modifiedSince != null) {
            list.put("modifiedSince", modifiedSince.toString());
        }
        return session.call("LIST", list).thenApply(this::toPage);
    }

    Page fetchNow(String after, Instant modifiedSince) {
        return Futures.join(fetch(after, modifiedSince));
    }

    private Page toPage(JsonNode answer) {
        JsonNode items = answer.path("items");
        List<JsonNode> list = new ArrayList<>(items.size());
        items.forEach(list::add);
        if (!list.isEmpty()) {
            Instant last = Instant.parse(list.get(list.size() - 1).path("modifiedAt").asText());
            synchronized (this) {
                if (watermark == null || last.isAfter(watermark)) {
                    watermark = last;
                }
            }
        }
        JsonNode next = answer.get("next");
        return new Page(list, next == null || next.isNull() ? null : next.asText());
    }

    /** The latest modifiedAt read so far (LIST answers in modifiedAt order), null before any. */
    Instant watermark() {
        return watermark;
    }
}
