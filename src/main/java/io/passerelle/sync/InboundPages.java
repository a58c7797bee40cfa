package io.passerelle.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.MappingException;
import io.passerelle.run.RecordError;
import io.passerelle.run.RetryScope;
import io.passerelle.run.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/**
 * Maps one page of remote items: the flow's filter (what it skips), its mapper, its custom fields. A page goes
 * through the flow's route (the {@code map-page} step of {@code routes/<erp>/<flow>.camel.yaml} calls
 * {@link #map(PageToMap)}), so that each flow of each connection shows in Camel's route metrics and JMX; a flow
 * without a route (engine unit tests) is mapped here directly.
 */
@Component("inboundPages")
public class InboundPages {

    private static final int MAX_PAYLOAD_ECHO = 1000;

    private final ProducerTemplate producer;

    public InboundPages(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** One page and what it is mapped for: the flow of the run and a retry's scope (null for a whole run). */
    public record PageToMap(InboundFlow flow, SourcePage page, RetryScope scope) {
    }

    /**
     * A page and what its mapper made of it: records, and an error for each item it could not map. {@code considered}
     * counts the items in the run's scope (every item, but for a retry), {@code skipped} those the filter left out.
     */
    public record MappedPage(SourcePage page, List<CanonicalRecord> records, List<RecordError> errors, int considered,
            int skipped) {
    }

    /** Through the flow's route when it has one; the caller's thread either way (the direct endpoint is synchronous). */
    MappedPage mapThroughRoute(InboundFlow flow, SourcePage page, RetryScope scope) {
        PageToMap request = new PageToMap(flow, page, scope);
        if (flow.pages() == null) {
            return map(request);
        }
        return producer.requestBody(flow.pages(), request, MappedPage.class);
    }

    /** The route's step. Plain Java: an item that cannot be mapped is an error of that item, and the page goes on. */
    public MappedPage map(PageToMap request) {
        InboundFlow flow = request.flow();
        RetryScope scope = request.scope();
        List<CanonicalRecord> records = new ArrayList<>(request.page().items().size());
        List<RecordError> errors = new ArrayList<>();
        int considered = 0;
        int skipped = 0;
        for (JsonNode item : request.page().items()) {
            try {
                if (!flow.filter().keeps(item)) {
                    if (scope == null || scope.includes(remoteKeyOf(item))) {
                        skipped++;
                    }
                    continue;
                }
                CanonicalRecord record = flow.mapper().map(item);
                if (scope == null || scope.includes(record.remoteKey())) {
                    Map<String, JsonNode> custom = flow.customFields().of(item);
                    records.add(custom.isEmpty() ? record : record.withCustomFields(custom));
                    considered++;
                }
            } catch (MappingException e) {
                String remoteKey = remoteKeyOf(item);
                if (scope == null || scope.includes(remoteKey)) {
                    errors.add(new RecordError(flow.entity().apiName(), remoteKey, e.code(),
                            e.getMessage(), RunStore.truncate(item.toString(), MAX_PAYLOAD_ECHO), false));
                    considered++;
                }
            }
        }
        return new MappedPage(request.page(), records, errors, considered, skipped);
    }

    /** The best name for a record that could not be mapped: its first textual key-like field. */
    private static String remoteKeyOf(JsonNode item) {
        for (String field : List.of("number", "code", "id", "key")) {
            JsonNode value = item.get(field);
            if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                return value.asText();
            }
        }
        return null;
    }
}
