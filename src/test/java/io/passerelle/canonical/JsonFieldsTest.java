package io.passerelle.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Every reader: keys and codes verbatim, text stripped, and a refusal naming the field for a value that is missing,
 * too long, of the wrong type or not storable. Also the failures JsonFieldsFuzzTest and the mapper fuzz tests found,
 * spelled out.
 */
class JsonFieldsTest {

    final ObjectMapper json = new ObjectMapper();

    JsonFields item(String json) throws Exception {
        return new JsonFields(this.json.readTree(json));
    }

    @Test
    void aNumberBeyondDoubleRangeIsRefusedNamingTheField() throws Exception {
        // read as a double, 1e400 is Infinity, which BigDecimal refuses with a NumberFormatException
        assertThatThrownBy(() -> item("{\"budgetHours\": 1e400}").decimal("budgetHours", 14, 2))
                .isInstanceOf(MappingException.class).hasMessage("field 'budgetHours' is out of range");
    }

    @Test
    void hugeExponentsAreJudgedWithoutWritingTheDigitsOut() throws Exception {
        // 1e999999999 as text parsed fine, then its content hash wrote out a billion zeros
        assertThatThrownBy(() -> item("{\"rate\": \"1e999999999\"}").decimal("rate", 14, 4))
                .isInstanceOf(MappingException.class)
                .hasMessage("field 'rate' has more than 10 digits before the decimal point");
        assertThat(item("{\"rate\": \"1e-999999999\"}").decimal("rate", 14, 4)).isEqualTo(new BigDecimal("0.0000"));
    }

    @Test
    void numbersAreRoundedToTheirColumnAsTheDatabaseWouldAndRefusedWhenTheyDoNotFit() throws Exception {
        assertThat(item("{\"h\": 8.125}").decimal("h", 14, 2)).isEqualTo(new BigDecimal("8.13"));
        assertThat(item("{\"h\": \"-0\"}").decimal("h", 14, 2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(item("{\"h\": 999999999999.99}").decimal("h", 14, 2)).isEqualTo(new BigDecimal("999999999999.99"));
        assertThatThrownBy(() -> item("{\"h\": 999999999999.995}").decimal("h", 14, 2))
                .isInstanceOf(MappingException.class).hasMessageContaining("more than 12 digits");
        assertThatThrownBy(() -> item("{\"h\": \"" + "9".repeat(101) + "\"}").decimal("h", 14, 2))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("field 'h' is not a number");
    }

    @Test
    void aKeyOfInvisibleCharactersOnlyIsMissing() throws Exception {
        // strip() keeps U+200B, so the raw key was "present" but normalised to no key at all
        assertThatThrownBy(() -> item("{\"number\": \"\\u200B\\u00AD\"}").requiredKey("number", 255))
                .isInstanceOf(MappingException.class).hasMessage("field 'number' is missing or blank");
    }

    @Test
    void aKeyWhoseNormalisedFormOutgrowsItsColumnIsRefused() throws Exception {
        // 255 of U+0958 fit the code column, but composing (NFC) writes each as two characters
        JsonNode node = json.createObjectNode().put("code", "\u0958".repeat(255));
        assertThatThrownBy(() -> new JsonFields(node).requiredKey("code", 255))
                .isInstanceOf(MappingException.class)
                .hasMessage("field 'code' is 510 characters long once normalised; at most 255 fit");
    }

    @Test
    void textThatTheDatabaseCannotStoreIsRefused() throws Exception {
        assertThatThrownBy(() -> item("{\"name\": \"a\\u0000b\"}").text("name", 100))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("field 'name' contains a NUL character");
        assertThatThrownBy(() -> item("{\"name\": \"a\\uD800b\"}").text("name", 100))
                .isInstanceOf(MappingException.class).hasMessageContaining("surrogate");
        assertThat(item("{\"name\": \"b\\uD83D\\uDE00\"}").text("name", 100)).isEqualTo("b\uD83D\uDE00");
    }

    @Test
    void keysAreKeptExactlyAsTheErpSentThem() throws Exception {
        // Avantage compares codes exactly as stored: "03-100 " is not "03-100" there
        assertThat(item("{\"code\": \"03-100 \"}").requiredKey("code", 255)).isEqualTo("03-100 ");
        assertThat(item("{\"code\": \"\u00A003-100\"}").requiredKey("code", 255)).isEqualTo("\u00A003-100");
        assertThat(item("{\"code\": \" E\u201100042\\t\"}").requiredKey("code", 255)).isEqualTo(" E\u201100042\t");
        assertThat(item("{\"code\": 42}").requiredKey("code", 255)).as("a number is its JSON text").isEqualTo("42");
    }

    @Test
    void aKeyIsMissingWhenAbsentNullOrOnlySpaces() throws Exception {
        for (String json : new String[] {"{}", "{\"code\": null}", "{\"code\": \"\"}", "{\"code\": \"  \\u00A0 \"}"}) {
            assertThatThrownBy(() -> item(json).requiredKey("code", 255)).as(json)
                    .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("MISSING_FIELD"))
                    .hasMessage("field 'code' is missing or blank");
        }
    }

    @Test
    void aKeyIsMeasuredWithItsBlanksForTheyAreStoredToo() throws Exception {
        assertThat(item("{\"code\": \"ABC\"}").requiredKey("code", 3)).isEqualTo("ABC");
        assertThatThrownBy(() -> item("{\"code\": \"ABC \"}").requiredKey("code", 3))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("INVALID_FIELD"))
                .hasMessage("field 'code' is 4 characters long; at most 3 fit");
        assertThat(item("{\"name\": \"ABC \"}").text("name", 3)).as("text is measured stripped").isEqualTo("ABC");
    }

    @Test
    void aKeyOrCodeOfTheWrongTypeIsRefusedNamingTheField() throws Exception {
        assertThatThrownBy(() -> item("{\"code\": {\"value\": \"A\"}}").requiredKey("code", 255))
                .isInstanceOf(MappingException.class).hasMessage("field 'code' must be text, was object");
        assertThatThrownBy(() -> item("{\"trade\": [\"A\"]}").code("trade", 255))
                .isInstanceOf(MappingException.class).hasMessage("field 'trade' must be text, was array");
        assertThatThrownBy(() -> new JsonFields(json.readTree("{\"A\": []}"), "rates.").text("A", 10))
                .isInstanceOf(MappingException.class).hasMessage("field 'rates.A' must be text, was array");
    }

    @Test
    void anOptionalCodeIsVerbatimAndAbsentWhenItNamesNothing() throws Exception {
        assertThat(item("{\"trade\": \"MANO \"}").code("trade", 255)).isEqualTo("MANO ");
        assertThat(item("{\"trade\": \" \\u200B\"}").code("trade", 255)).isNull();
        assertThat(item("{\"trade\": null}").code("trade", 255)).isNull();
        assertThat(item("{}").code("trade", 255)).isNull();
        assertThatThrownBy(() -> item("{\"trade\": \"MANO \"}").code("trade", 4))
                .isInstanceOf(MappingException.class).hasMessage("field 'trade' is 5 characters long; at most 4 fit");
        assertThatThrownBy(() -> item("{\"trade\": \"M\\u0000\"}").code("trade", 4))
                .isInstanceOf(MappingException.class).hasMessageStartingWith("field 'trade' contains a NUL character");
    }

    @Test
    void textThePlatformShowsIsStrippedAndAbsentWhenBlank() throws Exception {
        assertThat(item("{\"name\": \"  Tour Nord\\n\"}").text("name", 100)).isEqualTo("Tour Nord");
        assertThat(item("{\"name\": \"   \"}").text("name", 100)).isNull();
        assertThat(item("{\"email\": null}").text("email", 100)).isNull();
        assertThat(item("{\"name\": \" Tour \"}").requiredText("name", 100)).isEqualTo("Tour");
        assertThatThrownBy(() -> item("{\"name\": \" \"}").requiredText("name", 100))
                .isInstanceOf(MappingException.class).hasMessage("field 'name' is missing or blank");
        assertThatThrownBy(() -> item("{\"name\": \"Tour Nord\"}").text("name", 4))
                .isInstanceOf(MappingException.class).hasMessage("field 'name' is 9 characters long; at most 4 fit");
    }

    @Test
    void theOtherReadersNameTheFieldTheyRefuse() throws Exception {
        assertThat(item("{\"rate\": \" 12.5 \"}").decimal("rate", 14, 4)).isEqualTo(new BigDecimal("12.5000"));
        assertThat(item("{}").decimal("rate", 14, 4)).isNull();
        assertThatThrownBy(() -> item("{\"rate\": \"douze\"}").decimal("rate", 14, 4))
                .isInstanceOf(MappingException.class).hasMessage("field 'rate' is not a number: 'douze'");
        assertThatThrownBy(() -> item("{\"rate\": true}").decimal("rate", 14, 4))
                .isInstanceOf(MappingException.class).hasMessage("field 'rate' must be a number");
        assertThat(item("{}").bool("active", true)).isTrue();
        assertThat(item("{\"active\": false}").bool("active", true)).isFalse();
        assertThatThrownBy(() -> item("{\"active\": \"yes\"}").bool("active", true))
                .isInstanceOf(MappingException.class).hasMessage("field 'active' must be true or false");
        assertThat(item("{\"modifiedAt\": \"2026-11-16T10:15:30Z\"}").instant("modifiedAt"))
                .isEqualTo(java.time.Instant.parse("2026-11-16T10:15:30Z"));
        assertThatThrownBy(() -> item("{}").instant("modifiedAt"))
                .isInstanceOf(MappingException.class).hasMessage("field 'modifiedAt' is missing or blank");
        assertThatThrownBy(() -> item("{\"modifiedAt\": \"hier\"}").instant("modifiedAt"))
                .isInstanceOf(MappingException.class).hasMessage("field 'modifiedAt' is not an ISO-8601 instant: 'hier'");
        assertThat(item("{\"rates\": null}").object("rates")).isNull();
        assertThatThrownBy(() -> item("{\"rates\": 3}").object("rates"))
                .isInstanceOf(MappingException.class).hasMessage("field 'rates' must be an object");
    }
}
