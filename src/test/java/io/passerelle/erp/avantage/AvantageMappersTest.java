package io.passerelle.erp.avantage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.sync.CanonicalRecord;
import io.passerelle.sync.MappingException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The failures AvantageMappersFuzzTest found, spelled out. */
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
}
