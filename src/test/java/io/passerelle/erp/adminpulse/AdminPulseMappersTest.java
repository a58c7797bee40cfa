package io.passerelle.erp.adminpulse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.MappingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AdminPulseMappersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The example of next-erps.md §2. */
    static final String BAKKERIJ = """
            {"id":"9d1c0b6a-0000-4000-8000-000000000017","uniqueIdentifier":"APR00017","type":"company",
             "name":"Bakkerij Janssens","companyName":"Bakkerij Janssens BV","legalForm":"BV","vatNumber":"0712345678",
             "language":"nl","address":{"street":"Kerkstraat","houseNumber":"12","box":"B","postalCode":"9000","city":"Gent",
             "country":"BE"},"generalAssemblyDate":"2026-06-09T00:00:00","lastModified":"2026-03-02T10:15:00Z",
             "linkedRelations":[
              {"role":"director","relationId":"51aa","uniqueIdentifier":"APR00301","type":"person","name":"Jan Peeters",
               "firstName":"Jan","lastName":"Peeters","startDate":"2021-06-08","endDate":null,"sharePercentage":null},
              {"role":"shareholder","relationId":"51aa","type":"person","name":"Jan Peeters","sharePercentage":60.0,"shares":600},
              {"role":"auditor","relationId":"c3d4","type":"company","name":"Van Dijck & Co Bedrijfsrevisoren BV"},
              {"role":"contactPerson","relationId":"e5f6","type":"person","name":"Sofie Maes"}]}""";

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void aClientCompanyComesWithItsBoardAndWithoutItsContactPersons() throws Exception {
        CanonicalRecord company = AdminPulseMappers.company(json(BAKKERIJ));
        assertThat(company.entity()).isEqualTo(CanonicalEntity.COMPANY);
        assertThat(company.remoteKey()).isEqualTo("9d1c0b6a-0000-4000-8000-000000000017");
        assertThat(company.fields()).containsEntry("number", "0712345678").containsEntry("name", "Bakkerij Janssens")
                .containsEntry("companyName", "Bakkerij Janssens BV").containsEntry("legalForm", "BV")
                .containsEntry("generalAssemblyDate", "2026-06-09");
        assertThat(company.fields().get("address").toString()).isEqualTo("{\"street\":\"Kerkstraat\",\"houseNumber\":\"12\","
                + "\"box\":\"B\",\"postalCode\":\"9000\",\"city\":\"Gent\",\"country\":\"BE\"}");
        JsonNode board = (JsonNode) company.fields().get("relations");
        assertThat(board).hasSize(3);
        assertThat(board.get(0).path("role").asText()).isEqualTo("DIRECTOR");
        assertThat(board.get(0).path("type").asText()).isEqualTo("PERSON");
        assertThat(board.get(0).path("startDate").asText()).isEqualTo("2021-06-08");
        assertThat(board.get(0).path("endDate").isNull()).isTrue();
        assertThat(board.get(1).path("role").asText()).isEqualTo("SHAREHOLDER");
        assertThat(board.get(1).path("sharePercent").decimalValue()).isEqualByComparingTo("60");
        assertThat(board.get(1).path("shares").decimalValue()).isEqualByComparingTo("600");
        assertThat(board.get(2).path("role").asText()).isEqualTo("AUDITOR");
        assertThat(board.get(2).path("type").asText()).isEqualTo("COMPANY");
        assertThat(company.remoteModifiedAt()).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
    }

    @Test
    void aManagementCompanyDirectorNamesItsPermanentRepresentative() throws Exception {
        CanonicalRecord company = AdminPulseMappers.company(json("""
                {"id":"a1","type":"company","name":"Immo Lux NV","linkedRelations":[
                 {"role":"director","relationId":"b2","type":"company","name":"Gestion Dupont SRL","startDate":"2020-01-01",
                  "permanentRepresentative":{"relationId":"c3","name":"Marc Dupont"}},
                 {"role":"director","relationId":"d4","type":"company","name":"Beheer Claes BV",
                  "permanentRepresentative":"An Claes"}]}"""));
        JsonNode board = (JsonNode) company.fields().get("relations");
        assertThat(board.get(0).path("permanentRepresentative").asText()).isEqualTo("Marc Dupont");
        assertThat(board.get(1).path("permanentRepresentative").asText()).isEqualTo("An Claes");
        assertThat(company.fields()).containsEntry("generalAssemblyDate", null).containsEntry("address", null);
    }

    @Test
    void aChangedBoardIsAChangedRecord() throws Exception {
        String before = AdminPulseMappers.company(json(BAKKERIJ)).contentHash();
        String after = AdminPulseMappers.company(json(BAKKERIJ.replace("\"endDate\":null", "\"endDate\":\"2026-11-30\"")))
                .contentHash();
        assertThat(after).isNotEqualTo(before);
        assertThat(AdminPulseMappers.company(json(BAKKERIJ)).contentHash()).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AdminPulseMappers.company(json("{\"id\":\"p1\",\"type\":\"person\",\"name\":\"Jan\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> AdminPulseMappers.company(json("{\"id\":\"a1\",\"type\":\"company\",\"name\":\"X\","
                + "\"linkedRelations\":[{\"role\":\"shareholder\",\"name\":\"Y\",\"sharePercentage\":120}]}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("linkedRelations[0].sharePercentage");
        assertThatThrownBy(() -> AdminPulseMappers.company(json("{\"id\":\"a1\",\"type\":\"company\",\"name\":\"X\","
                + "\"linkedRelations\":[{\"role\":\"treasurer\",\"name\":\"Y\"}]}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("linkedRelations[0].role");
        assertThatThrownBy(() -> AdminPulseMappers.company(json("{\"id\":\"a1\",\"type\":\"company\",\"name\":\"X\","
                + "\"generalAssemblyDate\":\"09062026\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("generalAssemblyDate");
        assertThatThrownBy(() -> AdminPulseMappers.company(json("{\"id\":\"a1\",\"type\":\"company\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("name");
    }
}
