package io.passerelle.erp.abacus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.MappingException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AbacusMappersTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void anEmployeeIsKeyedByItsIdAndKeepsItsNamesExactly() throws Exception {
        CanonicalRecord employee = AbacusMappers.employee(json("""
                {"Id":1001,"FirstName":"Jürg","LastName":"Müller ","BadgeId":"B1001","Sex":"Male",
                 "ModificationDate":"2026-03-02T13:00:17Z","SubjectId":51001}"""));
        assertThat(employee.entity()).isEqualTo(CanonicalEntity.EMPLOYEE);
        assertThat(employee.remoteKey()).isEqualTo("1001");
        assertThat(employee.fields()).containsEntry("number", "1001").containsEntry("firstName", "Jürg")
                .containsEntry("lastName", "Müller ");
        assertThat(employee.remoteModifiedAt()).isEqualTo(Instant.parse("2026-03-02T13:00:17Z"));
    }

    @Test
    void aTrailingBlankAddedInAbacusChangesTheRecord() throws Exception {
        String before = AbacusMappers.employee(json("{\"Id\":1001,\"FirstName\":\"Hélène\",\"LastName\":\"Favre\"}")).contentHash();
        String after = AbacusMappers.employee(json("{\"Id\":1001,\"FirstName\":\"Hélène\",\"LastName\":\"Favre \"}")).contentHash();
        String nbsp = AbacusMappers.employee(json("{\"Id\":1001,\"FirstName\":\"Hélène\",\"LastName\":\"Favre\\u00a0\"}")).contentHash();
        assertThat(after).isNotEqualTo(before);
        assertThat(nbsp).isNotEqualTo(before).isNotEqualTo(after);
    }

    @Test
    void aProjectIsActiveOrInactiveAndNamesItsCustomer() throws Exception {
        CanonicalRecord project = AbacusMappers.project(json("""
                {"Id":26012,"Name":"Chalet Bellevue, Crans-Montana","ProjectId2":"P-26012","IsInactive":true,
                 "CustomerSubjectId":51002,"ChangeInformation":{"ChangedOn":"2026-02-27T08:15:00Z"}}"""));
        assertThat(project.fields()).containsEntry("number", "26012").containsEntry("name", "Chalet Bellevue, Crans-Montana")
                .containsEntry("status", "Inactive").containsEntry("customer", "51002");
        assertThat(project.remoteModifiedAt()).isEqualTo(Instant.parse("2026-02-27T08:15:00Z"));
        assertThat(AbacusMappers.project(json("{\"Id\":26001,\"Name\":\"Überbauung\"}")).fields())
                .containsEntry("status", "Active");
    }

    @Test
    void aServiceCodeTakesItsGermanTextThenFrenchThenItalianVerbatim() throws Exception {
        CanonicalRecord code = AbacusMappers.serviceCode(json("""
                {"Id":140,"ServiceCode2":"ARMI ","Inactive":false,"Descriptions":[
                  {"Language":"fr","Text":"Ferraillage"},{"Language":"de","Text":"Armierung "}],
                 "ChangeInformation":{"ChangedOn":"2026-01-05T07:00:00Z"}}"""));
        assertThat(code.entity()).isEqualTo(CanonicalEntity.SERVICE_CODE);
        assertThat(code.fields()).containsEntry("code", "140").containsEntry("description", "Armierung ")
                .containsEntry("status", "Active");
        assertThat(AbacusMappers.serviceCode(json("""
                {"Id":300,"Inactive":true,"Descriptions":[{"Language":"it","Text":"Muratura"},{"Language":"fr","Text":""}]}"""))
                .fields()).containsEntry("description", "Muratura").containsEntry("status", "Inactive");
        assertThat(AbacusMappers.serviceCode(json("{\"Id\":301}")).fields()).containsEntry("description", null);
    }

    @Test
    void anEntityWithoutIdOrWithAWrongShapeIsRefusedNamingTheField() {
        assertThatThrownBy(() -> AbacusMappers.employee(json("{\"FirstName\":\"Urs\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("Id");
        assertThatThrownBy(() -> AbacusMappers.project(json("{\"Id\":1,\"IsInactive\":\"yes\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("IsInactive");
        assertThatThrownBy(() -> AbacusMappers.serviceCode(json("{\"Id\":1,\"Descriptions\":\"Montage\"}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("Descriptions");
        assertThatThrownBy(() -> AbacusMappers.project(json("{\"Id\":1,\"ChangeInformation\":{\"ChangedOn\":\"yesterday\"}}")))
                .isInstanceOf(MappingException.class).hasMessageContaining("ChangeInformation.ChangedOn");
    }
}
