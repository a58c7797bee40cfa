package io.passerelle.sandbox.kit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class JsonTableTest {

    private static ObjectNode record(long id, String name) {
        return SimulatorJson.HTTP.createObjectNode().put("Id", id).put("Name", name);
    }

    @Test
    void numericKeysKeepNumericOrderAndIdsFollowReplacements() {
        JsonTable<Long> employees = new JsonTable<>(r -> r.path("Id").asLong(), r -> r.path("Id").asText());
        employees.put(record(1001, "Jürg"));
        employees.put(record(999, "Anna"));
        employees.put(record(10000, "Zoé"));
        assertThat(employees.values()).extracting(r -> r.path("Id").asLong()).containsExactly(999L, 1001L, 10000L);

        ObjectNode previous = employees.put(record(1001, "Jürg Müller"));
        assertThat(previous.path("Name").asText()).isEqualTo("Jürg");
        assertThat(employees.byId("1001").path("Name").asText()).isEqualTo("Jürg Müller");
        assertThat(employees.size()).isEqualTo(3);

        employees.remove(999L);
        assertThat(employees.byId("999")).isNull();
        assertThat(employees.containsKey(999L)).isFalse();
    }

    @Test
    void theKeyFunctionDecidesHowKeysCompare() {
        // as SQL Server's default collation compares: case and trailing blanks ignored
        JsonTable<String> vendors = new JsonTable<>(r -> r.path("VendorID").asText().stripTrailing()
                .toUpperCase(Locale.ROOT), r -> null);
        vendors.put(SimulatorJson.HTTP.createObjectNode().put("VendorID", "DeMontigny"));
        assertThat(vendors.get("DEMONTIGNY").path("VendorID").asText()).as("stored as spelled").isEqualTo("DeMontigny");
        ObjectNode replaced = vendors.put(SimulatorJson.HTTP.createObjectNode().put("VendorID", "DEMONTIGNY "));
        assertThat(replaced.path("VendorID").asText()).as("the same key, spelled otherwise").isEqualTo("DeMontigny");
        assertThat(vendors.size()).isEqualTo(1);
    }
}
