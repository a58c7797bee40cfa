package io.passerelle.sandbox.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FixturesTest {

    @Test
    void itemsComeInFileOrderSpelledAsStored() {
        List<ObjectNode> vendors = Fixtures.items("acumatica", "vendors");
        assertThat(vendors).hasSize(79);
        assertThat(vendors.get(1).path("VendorName").asText()).isEqualTo("Béton Laurentides ltée");
        assertThat(vendors).anySatisfy(v -> assertThat(v.path("VendorID").asText()).isEqualTo("DeMontigny"));
    }

    @Test
    void boundFixturesKeepTheDecimalsWritten() {
        List<Map<String, Object>> earnings = Fixtures.read("avantage", "earnings",
                new TypeReference<List<Map<String, Object>>>() { });
        assertThat(earnings.get(1).get("rate")).isEqualTo(new BigDecimal("20.00"));
    }

    @Test
    void aMissingFixtureSaysWhichFile() {
        assertThatThrownBy(() -> Fixtures.load("nobody", "nothing"))
                .hasMessageContaining("sandbox/nobody/nothing.json");
    }

    @Test
    void modificationStampsNeverGoBackwards() {
        long[] wall = {1_000};
        ModificationClock clock = new ModificationClock(() -> wall[0]);
        assertThat(clock.next()).isEqualTo(1_000);
        assertThat(clock.next()).isEqualTo(1_001);
        wall[0] = 500;
        assertThat(clock.next()).as("the wall clock went back").isEqualTo(1_002);
        clock.observe(5_000);
        assertThat(clock.next()).as("after seeded data from the future").isEqualTo(5_001);
        wall[0] = 9_000;
        assertThat(clock.nextInstant().toEpochMilli()).isEqualTo(9_000);
    }
}
