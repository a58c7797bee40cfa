package io.passerelle.erp.avantage;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.fuzz.FuzzedJson;
import io.passerelle.fuzz.FuzzedText;
import io.passerelle.fuzz.MapperContract;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourcePage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Every Avantage flow's mapper, fed LIST answers built from fuzzer input (or the raw input as the answer's text),
 * read as the client reads them. Regression inputs: AvantageMappersFuzzTestInputs/listAnswers/.
 */
@Tag("fuzz")
class AvantageMappersFuzzTest {

    /** The application's ObjectMapper, as Spring Boot builds it: the one MainTcpClientDecoder reads frames with. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    /** Every field an Avantage item has (avantage-maintcp.md §5), and competencies for trade rates. */
    private static final List<String> FIELDS = List.of("number", "name", "status", "customer", "firstName",
            "lastName", "email", "trade", "competency", "active", "code", "description", "rates", "project",
            "budgetHours", "budgetAmount", "kind", "unit", "rate", "multiplier", "modifiedAt", "value", "A", "B",
            "phone", "address", "street", "city", "province", "postalCode", "supplier", "date", "lines", "line",
            "activity", "quantity", "unitCost", "amount");

    @FuzzTest(maxDuration = "2m")
    void listAnswers(FuzzedDataProvider data) throws Exception {
        InboundFlowSpec flow = data.pickValue(AvantageModule.FLOWS);
        JsonNode answer;
        try {
            answer = JSON.readTree(data.consumeBoolean() ? generatedAnswer(data) : data.consumeRemainingAsString());
        } catch (JacksonException notJson) {
            return; // the decoder refuses such a frame before any mapper sees it
        }
        if (answer == null || !answer.isObject()) {
            return;
        }
        SourcePage page = AvantageSource.toPage(answer);
        for (JsonNode item : page.items()) {
            CanonicalRecord record = MapperContract.map(flow.mapper(), flow.entity(), item);
            if (record != null && record.fields().get("lines") instanceof String lines) {
                JsonNode parsed = JSON.readTree(lines);
                assertThat(parsed.isArray()).as("lines %s", lines).isTrue();
                parsed.forEach(line -> assertThat(line.get("line").isInt()).as("lines %s", lines).isTrue());
            }
            if (record != null && record.fields().get("rates") instanceof String rates) {
                JsonNode parsed = JSON.readTree(rates);
                assertThat(parsed.isObject()).as("rates %s", rates).isTrue();
                parsed.forEach(rate -> assertThat(rate.isNumber()).as("rates %s", rates).isTrue());
            }
        }
    }

    private static String generatedAnswer(FuzzedDataProvider data) {
        StringBuilder items = new StringBuilder();
        int count = data.consumeInt(1, 4);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            items.append(i > 0 ? "," : "").append(data.consumeInt(0, 9) == 0
                    ? FuzzedJson.value(data, FIELDS, 3) : FuzzedJson.object(data, FIELDS, 3));
        }
        String next = data.consumeBoolean() ? "null" : FuzzedJson.quote(FuzzedText.string(data, 8));
        return "{\"id\":1,\"ok\":true,\"items\":[" + items + "],\"next\":" + next + "}";
    }
}
