package io.passerelle.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.fuzz.FuzzedJson;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * Every JsonFields reader on any JSON value under the field: a value of the promised type, or a
 * MappingException naming the field, and nothing else. Regression inputs: JsonFieldsFuzzTestInputs/readers/.
 */
@Tag("fuzz")
class JsonFieldsFuzzTest {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();
    private static final String FIELD = "f";

    @FuzzTest(maxDuration = "2m")
    void readers(FuzzedDataProvider data) {
        int reader = data.consumeInt(0, 6);
        int maxLength = data.consumeInt(1, 1000);
        JsonNode item;
        try {
            item = JSON.readTree(data.consumeBoolean()
                    ? "{\"f\":" + FuzzedJson.value(data, List.of(FIELD, "value"), 2) + "}"
                    : data.consumeRemainingAsString());
        } catch (JacksonException notJson) {
            return;
        }
        if (item == null) {
            return;
        }
        JsonFields in = new JsonFields(item);
        try {
            switch (reader) {
                case 0 -> {
                    String text = in.requiredText(FIELD, maxLength);
                    assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(maxLength).isEqualTo(text.strip());
                }
                case 1 -> {
                    String text = in.text(FIELD, maxLength);
                    if (text != null) {
                        assertThat(text).isNotBlank().hasSizeLessThanOrEqualTo(maxLength).isEqualTo(text.strip());
                    }
                }
                case 2 -> {
                    int precision = data.consumeInt(1, 18);
                    int scale = data.consumeInt(0, precision);
                    BigDecimal value = in.decimal(FIELD, precision, scale);
                    if (value != null) {
                        assertThat(value.scale()).isEqualTo(scale);
                        assertThat(value.precision() - value.scale()).isLessThanOrEqualTo(precision - scale);
                    }
                }
                case 3 -> in.bool(FIELD, data.consumeBoolean());
                case 4 -> assertThat(in.instant(FIELD)).isNotNull();
                case 5 -> {
                    String key = in.requiredKey(FIELD, maxLength);
                    assertThat(key).as("verbatim").isEqualTo(item.get(FIELD).asText())
                            .isEqualTo(in.code(FIELD, maxLength));
                    assertThat(KeyNormalizer.matchKey(key)).isNotNull().hasSizeLessThanOrEqualTo(maxLength);
                    assertThat(KeyNormalizer.looseKey(key)).hasSizeLessThanOrEqualTo(maxLength);
                }
                default -> {
                    JsonNode object = in.object(FIELD);
                    if (object != null) {
                        assertThat(object.isObject()).isTrue();
                    }
                }
            }
        } catch (MappingException refused) {
            assertThat(refused.getMessage()).startsWith("field 'f' ");
        }
    }
}
