package io.passerelle.erp.acumatica;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.fuzz.FuzzedJson;
import io.passerelle.fuzz.FuzzedText;
import io.passerelle.fuzz.MapperContract;
import io.passerelle.sync.InboundFlowSpec;
import io.passerelle.sync.SourcePage;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Every Acumatica flow's mapper, fed contract-API arrays built from fuzzer input (fields wrapped as
 * {@code {"value": …}} or not, nested contacts), or the raw input as the answer's text.
 * Regression inputs: AcumaticaMappersFuzzTestInputs/entityArrays/.
 */
@Tag("fuzz")
class AcumaticaMappersFuzzTest {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    /** Every field the mappers read (Default/24.200.001), and the wrappers around them. */
    private static final List<String> FIELDS = List.of("ProjectID", "ProjectTaskID", "CostCodeID", "VendorID",
            "CustomerID", "EmployeeID", "ProjectTemplateID", "Description", "Status", "Customer", "Default",
            "VendorName", "LegalName", "MainContact", "Email", "CurrencyID", "CustomerName", "ContactInfo",
            "FirstName", "LastName", AcumaticaMappers.MODIFIED, "value", "id", "rowNumber", "note", "custom");

    @FuzzTest(maxDuration = "2m")
    void entityArrays(FuzzedDataProvider data) {
        InboundFlowSpec flow = data.pickValue(AcumaticaModule.FLOWS);
        JsonNode array;
        try {
            array = JSON.readTree(data.consumeBoolean() ? generatedArray(data) : data.consumeRemainingAsString());
        } catch (JacksonException notJson) {
            return; // the HTTP client refuses such a body before any mapper sees it
        }
        if (array == null || !array.isArray()) {
            return;
        }
        SourcePage page = AcumaticaSource.page(array, 0, 100);
        for (JsonNode entity : page.items()) {
            MapperContract.map(flow.mapper(), flow.entity(), entity);
        }
    }

    private static String generatedArray(FuzzedDataProvider data) {
        StringBuilder array = new StringBuilder("[");
        int count = data.consumeInt(1, 3);
        for (int i = 0; i < count && data.remainingBytes() > 0; i++) {
            array.append(i > 0 ? "," : "").append(entity(data, 2));
        }
        return array.append(']').toString();
    }

    /** An entity as the contract API writes it: most fields wrapped in {"value": …}, some objects of their own. */
    private static String entity(FuzzedDataProvider data, int depth) {
        StringBuilder entity = new StringBuilder("{");
        int fields = data.consumeInt(0, 8);
        for (int i = 0; i < fields && data.remainingBytes() > 0; i++) {
            String name = data.consumeInt(0, 9) == 0 ? FuzzedText.string(data, 8) : data.pickValue(FIELDS);
            entity.append(i > 0 ? "," : "").append(FuzzedJson.quote(name)).append(':');
            switch (data.consumeInt(0, 3)) {
                case 0 -> entity.append(FuzzedJson.value(data, FIELDS, 2));
                case 1 -> entity.append(depth > 0 ? entity(data, depth - 1) : "{}");
                default -> entity.append("{\"value\":").append(FuzzedJson.value(data, FIELDS, 1)).append('}');
            }
        }
        return entity.append('}').toString();
    }
}
