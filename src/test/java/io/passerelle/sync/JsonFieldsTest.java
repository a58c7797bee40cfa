package io.passerelle.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The failures JsonFieldsFuzzTest and the mapper fuzz tests found, spelled out. */
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
}
