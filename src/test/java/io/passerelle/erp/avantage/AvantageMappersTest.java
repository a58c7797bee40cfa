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

    static final String ORDER = "{\"number\":\"BC-10001\",\"supplier\":\"BETNORD \",\"project\":\"P-1003\","
            + "\"date\":\"2025-03-14\",\"status\":\"OPEN\",\"lines\":[%s]" + MODIFIED;
    static final String LINE_1 = "{\"line\":1,\"activity\":\"03-100\",\"description\":\"Béton 32 MPa livré, m³ \","
            + "\"quantity\":12.5,\"unitCost\":238.50,\"amount\":2981.25}";
    static final String LINE_2 = "{\"line\":2,\"description\":\"Pompe à béton, heure\",\"quantity\":4,"
            + "\"unitCost\":\"265.00\",\"amount\":1060}";

    CanonicalRecord order(String... lines) throws Exception {
        return AvantageMappers.purchaseOrder(json.readTree(ORDER.formatted(String.join(",", lines))));
    }

    @Test
    void aPurchaseOrderKeepsItsLinesSortedByNumberAsPlainJsonAndTheirTotal() throws Exception {
        CanonicalRecord order = order(LINE_2, LINE_1);

        assertThat(order.entity()).isEqualTo(io.passerelle.canonical.CanonicalEntity.PURCHASE_ORDER);
        assertThat(order.remoteKey()).isEqualTo("BC-10001");
        assertThat(order.parentMatchKey()).as("keyed by its number alone, not under its project").isNull();
        assertThat(order.fields()).containsEntry("number", "BC-10001").containsEntry("supplierCode", "BETNORD ")
                .containsEntry("projectNumber", "P-1003").containsEntry("orderDate", java.time.LocalDate.of(2025, 3, 14))
                .containsEntry("status", "OPEN").containsEntry("total", new BigDecimal("4041.25"));
        assertThat(order.fields().get("lines")).isEqualTo("[{\"line\":1,\"activity\":\"03-100\","
                + "\"description\":\"Béton 32 MPa livré, m³\",\"quantity\":12.5,\"unitCost\":238.5,\"amount\":2981.25},"
                + "{\"line\":2,\"activity\":null,\"description\":\"Pompe à béton, heure\",\"quantity\":4,"
                + "\"unitCost\":265,\"amount\":1060}]");
        assertThat(order(LINE_1, LINE_2).contentHash()).as("the same lines in another order").isEqualTo(order.contentHash());
    }

    @Test
    void aChangedLineChangesItsOrdersContent() throws Exception {
        CanonicalRecord before = order(LINE_1, LINE_2);
        CanonicalRecord quantity = order(LINE_1.replace("12.5", "13").replace("2981.25", "3100.50"), LINE_2);
        CanonicalRecord amountOnly = order(LINE_1.replace("2981.25", "2981.26"), LINE_2);
        CanonicalRecord sameNumbersOtherSpelling = order(LINE_1.replace("12.5", "12.50"), LINE_2.replace(":4,", ":4.0,"));

        assertThat(quantity.contentHash()).isNotEqualTo(before.contentHash());
        assertThat(quantity.fields().get("total")).isEqualTo(new BigDecimal("4160.50"));
        assertThat(amountOnly.contentHash()).isNotEqualTo(before.contentHash());
        assertThat(sameNumbersOtherSpelling.contentHash()).isEqualTo(before.contentHash());
        assertThat(quantity.matchKey()).isEqualTo(before.matchKey());
    }

    @Test
    void aPurchaseOrderWithoutLinesHasNoneAndBadLinesAreRefusedByPath() throws Exception {
        CanonicalRecord empty = AvantageMappers.purchaseOrder(json.readTree("{\"number\":\"BC-1\"" + MODIFIED));
        assertThat(empty.fields()).containsEntry("lines", "[]").containsEntry("total", null)
                .containsEntry("orderDate", null).containsEntry("supplierCode", null);

        assertThatThrownBy(() -> order(LINE_1, LINE_1)).isInstanceOf(MappingException.class)
                .hasMessage("field 'lines[1].line' is 1, the number of another line too");
        assertThatThrownBy(() -> order("{\"description\":\"sans numéro\"}")).isInstanceOf(MappingException.class)
                .hasMessage("field 'lines[0].line' is missing or blank");
        assertThatThrownBy(() -> order("{\"line\":1.5}")).isInstanceOf(MappingException.class)
                .hasMessage("field 'lines[0].line' must be a whole number");
        assertThatThrownBy(() -> order(LINE_1, "{\"line\":2,\"quantity\":\"beaucoup\"}")).isInstanceOf(MappingException.class)
                .hasMessage("field 'lines[1].quantity' is not a number: 'beaucoup'");
        assertThatThrownBy(() -> order("\"BC\"")).isInstanceOf(MappingException.class)
                .hasMessage("field 'lines[0]' must be an object");
        assertThatThrownBy(() -> AvantageMappers.purchaseOrder(json.readTree("{\"number\":\"BC-1\",\"lines\":{}" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'lines' must be an array");
        assertThatThrownBy(() -> AvantageMappers.purchaseOrder(json.readTree(
                "{\"number\":\"BC-1\",\"date\":\"2025-02-30\"" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'date' is not a date YYYY-MM-DD: '2025-02-30'");
        String big = "{\"line\":%d,\"amount\":99999999999999}";
        assertThatThrownBy(() -> order(big.formatted(1), big.formatted(2))).isInstanceOf(MappingException.class)
                .hasMessage("field 'lines' add up to an amount of more than 14 digits before the decimal point");
    }

    @Test
    void aSupplierIsAVendorWithItsPhoneAndAddress() throws Exception {
        CanonicalRecord supplier = AvantageMappers.supplier(json.readTree("{\"code\":\"BETNORD\",\"name\":\"Béton Nordique ltée \","
                + "\"status\":\"ACTIVE\",\"email\":\"commandes@betonnordique.qc.ca\",\"phone\":\"418-555-0101\","
                + "\"address\":{\"street\":\"1250, rue de la Carrière\",\"city\":\"Lévis\",\"province\":\"QC\","
                + "\"postalCode\":\"G6V 4Z2\"}" + MODIFIED));
        CanonicalRecord bare = AvantageMappers.supplier(json.readTree("{\"code\":\"FERLACH\",\"status\":\"INACTIVE\"" + MODIFIED));

        assertThat(supplier.entity()).isEqualTo(io.passerelle.canonical.CanonicalEntity.VENDOR);
        assertThat(supplier.fields()).containsEntry("code", "BETNORD").containsEntry("name", "Béton Nordique ltée")
                .containsEntry("phone", "418-555-0101").containsEntry("street", "1250, rue de la Carrière")
                .containsEntry("city", "Lévis").containsEntry("province", "QC").containsEntry("postalCode", "G6V 4Z2")
                .containsEntry("legalName", null).containsEntry("currency", null);
        assertThat(supplier.searchText()).contains("lévis").contains("418-555-0101");
        assertThat(bare.fields()).containsEntry("status", "INACTIVE").containsEntry("street", null)
                .containsEntry("phone", null);
        assertThat(bare.fields().keySet()).as("the vendor columns, as Acumatica's vendors fill them")
                .containsExactlyElementsOf(io.passerelle.erp.acumatica.AcumaticaMappers.vendor(json.readTree(
                        "{\"VendorID\":{\"value\":\"V1\"},\"LastModifiedDateTime\":{\"value\":\"2026-11-16T10:15:30Z\"}}"))
                        .fields().keySet());
        assertThatThrownBy(() -> AvantageMappers.supplier(json.readTree("{\"code\":\"X\",\"address\":\"Lévis\"" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'address' must be an object");
        assertThatThrownBy(() -> AvantageMappers.supplier(json.readTree("{\"code\":\"X\",\"address\":{\"city\":[]}" + MODIFIED)))
                .isInstanceOf(MappingException.class).hasMessage("field 'address.city' must be text, was array");
    }
}
