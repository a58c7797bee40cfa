package io.passerelle.erp.avantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.canonical.MappingException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Keys and codes kept as Avantage stores them, text stripped, and the failures AvantageMappersFuzzTest found,
 * spelled out.
 */
class AvantageMappersTest {

    final ObjectMapper json = new ObjectMapper();

    CanonicalRecord trade(String rates) throws Exception {
        return AvantageMappers.trade(json.readTree(
                "{\"code\":\"CHARP\",\"rates\":" + rates + ",\"modifiedAt\":\"2026-11-16T10:15:30Z\"}"));
    }

    @Test
    void ratesAreSortedPlainJsonWhateverTheCompetencyIsCalled() throws Exception {
        assertThat(trade("{\"B\":41.50,\"A\":1e3,\"C\\n\\\"x\\\"\":0.12345}").fields().get("rates"))
                .isEqualTo("{\"A\":1000,\"B\":41.5,\"C\\n\\\"x\\\"\":0.1235}");
    }

    @Test
    void aRateBeyondDoubleRangeIsRefusedNamingTheCompetency() {
        // was a NumberFormatException from BigDecimal(Infinity), which failed the whole run
        assertThatThrownBy(() -> trade("{\"A\":1e400}"))
                .isInstanceOf(MappingException.class).hasMessage("field 'rates.A' is out of range");
    }

    @Test
    void budgetsAreRoundedToTheirColumns() throws Exception {
        CanonicalRecord activity = AvantageMappers.activity(json.readTree("{\"project\":\"P-1\",\"code\":\"03-100\","
                + "\"budgetHours\":\"12.345\",\"budgetAmount\":1250,\"modifiedAt\":\"2026-11-16T10:15:30Z\"}"));
        assertThat(activity.fields().get("budgetHours")).isEqualTo(new BigDecimal("12.35"));
        assertThat(activity.fields().get("budgetAmount")).isEqualTo(new BigDecimal("1250.00"));
    }

    static final String MODIFIED = ",\"modifiedAt\":\"2026-11-16T10:15:30Z\"}";

    @Test
    void everyKeyAndCodeIsKeptAsAvantageStoresItAndTextIsStripped() throws Exception {
        // Avantage compares codes exactly as stored: a trailing blank or a no-break space goes back as it came
        CanonicalRecord project = AvantageMappers.project(json.readTree("{\"number\":\"P-1001 \",\"name\":\" Tour Nord \","
                + "\"status\":\"ACTIVE \",\"customer\":\"C-01\u00A0\"" + MODIFIED));
        CanonicalRecord employee = AvantageMappers.employee(json.readTree("{\"number\":\"\u00A0E-00042\","
                + "\"firstName\":\"Marie-Ève \",\"lastName\":\"Tremblay\",\"email\":\" marie@boreal.example\","
                + "\"trade\":\"MANO \",\"competency\":\"A \",\"active\":false" + MODIFIED));
        CanonicalRecord activity = AvantageMappers.activity(json.readTree("{\"project\":\"P-1001 \",\"code\":\"03-100 \","
                + "\"description\":\"Coffrage \"" + MODIFIED));
        CanonicalRecord earning = AvantageMappers.earning(json.readTree("{\"code\":\"KM \",\"description\":\"Kilométrage\","
                + "\"kind\":\" EXPENSE\",\"unit\":\"KM\",\"rate\":0.68" + MODIFIED));
        CanonicalRecord hourType = AvantageMappers.hourType(json.readTree("{\"code\":\"OT\u00A0\",\"multiplier\":1.5" + MODIFIED));
        CanonicalRecord trade = AvantageMappers.trade(json.readTree("{\"code\":\" CHARP\",\"description\":\"Charpentier \""
                + MODIFIED));

        assertThat(project.remoteKey()).isEqualTo("P-1001 ");
        assertThat(project.fields()).containsEntry("number", "P-1001 ").containsEntry("name", "Tour Nord")
                .containsEntry("status", "ACTIVE").containsEntry("customer", "C-01\u00A0");
        assertThat(employee.fields()).containsEntry("number", "\u00A0E-00042").containsEntry("firstName", "Marie-Ève")
                .containsEntry("email", "marie@boreal.example").containsEntry("tradeCode", "MANO ")
                .containsEntry("competency", "A ").containsEntry("active", false);
        assertThat(employee.matchKey()).isEqualTo("E-00042");
        assertThat(activity.remoteKey()).isEqualTo("03-100 ");
        assertThat(activity.fields()).containsEntry("code", "03-100 ").containsEntry("description", "Coffrage");
        assertThat(activity.matchKey()).isEqualTo(KeyNormalizer.compositeKey("P-1001", "03-100"));
        assertThat(earning.fields()).containsEntry("code", "KM ").containsEntry("kind", "EXPENSE");
        assertThat(hourType.fields()).containsEntry("code", "OT\u00A0").containsEntry("multiplier", new BigDecimal("1.5000"));
        assertThat(trade.fields()).containsEntry("code", " CHARP").containsEntry("description", "Charpentier");
    }

    @Test
    void aKeyThatChangesOnlyByItsBlanksIsTheSameRecordWithAnotherContentHash() throws Exception {
        CanonicalRecord plain = AvantageMappers.activity(json.readTree("{\"project\":\"P-1001\",\"code\":\"A1\"" + MODIFIED));
        CanonicalRecord spaced = AvantageMappers.activity(json.readTree("{\"project\":\"P-1001\",\"code\":\"A1 \"" + MODIFIED));
        CanonicalRecord parentSpaced = AvantageMappers.activity(json.readTree("{\"project\":\"P-1001 \",\"code\":\"A1\""
                + MODIFIED));

        assertThat(spaced.matchKey()).isEqualTo(plain.matchKey()).isEqualTo(parentSpaced.matchKey());
        assertThat(spaced.looseKey()).isEqualTo(plain.looseKey());
        assertThat(spaced.contentHash()).isNotEqualTo(plain.contentHash());
        assertThat(parentSpaced.contentHash()).as("the parent's raw key counts too").isNotEqualTo(plain.contentHash())
                .isNotEqualTo(spaced.contentHash());
    }

    @Test
    void aKeyIsRefusedWhenMissingTooLongOrNotText() {
        assertThatThrownBy(() -> AvantageMappers.project(json.readTree("{\"number\":\" \"" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'number' is missing or blank");
        assertThatThrownBy(() -> AvantageMappers.activity(json.readTree("{\"code\":\"03-100\"" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'project' is missing or blank");
        assertThatThrownBy(() -> AvantageMappers.employee(json.readTree("{\"number\":\"" + "9".repeat(255) + " \"" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'number' is 256 characters long; at most 255 fit");
        assertThatThrownBy(() -> AvantageMappers.hourType(json.readTree("{\"code\":[\"REG\"]" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'code' must be text, was array");
    }
}
