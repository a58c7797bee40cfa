package io.passerelle.erp.acumatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.canonical.MappingException;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every Acumatica flow's mapper on contract-API entities ({@code {"value": …}} wrappers): what it reads, ids kept as
 * Acumatica stores them, and a refusal naming the field for a missing id, an id too long for its column, and an id
 * of the wrong type.
 */
class AcumaticaMappersTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MODIFIED = "2026-11-16T10:15:30.123+00:00";

    /** One flow's mapper, its key field and the smallest entity it accepts. */
    record Flow(String name, Function<JsonNode, CanonicalRecord> mapper, CanonicalEntity entity, String key, String minimal) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Flow> FLOWS = List.of(
            new Flow("projects", AcumaticaMappers::project, CanonicalEntity.PROJECT, "ProjectID", "{}"),
            new Flow("projectTasks", AcumaticaMappers::projectTask, CanonicalEntity.PROJECT_TASK, "ProjectTaskID",
                    "{\"ProjectID\": {\"value\": \"P-1001\"}}"),
            new Flow("costCodes", AcumaticaMappers::costCode, CanonicalEntity.COST_CODE, "CostCodeID", "{}"),
            new Flow("vendors", AcumaticaMappers::vendor, CanonicalEntity.VENDOR, "VendorID", "{}"),
            new Flow("customers", AcumaticaMappers::customer, CanonicalEntity.CUSTOMER, "CustomerID", "{}"),
            new Flow("employees", AcumaticaMappers::employee, CanonicalEntity.EMPLOYEE, "EmployeeID", "{}"),
            new Flow("projectTemplates", AcumaticaMappers::projectTemplate, CanonicalEntity.PROJECT_TEMPLATE,
                    "ProjectTemplateID", "{}"));

    static Stream<Flow> flows() {
        return FLOWS.stream();
    }

    static ObjectNode entity(String json) throws Exception {
        ObjectNode entity = (ObjectNode) JSON.readTree(json);
        entity.put("id", "4b1a2c3d-0000-0000-0000-000000000001").put("rowNumber", 1);
        entity.putObject(AcumaticaMappers.MODIFIED).put("value", MODIFIED);
        return entity;
    }

    static ObjectNode withKey(Flow flow, JsonNode key) throws Exception {
        ObjectNode entity = entity(flow.minimal());
        entity.putObject(flow.key()).set("value", key);
        return entity;
    }

    @Test
    void aProjectKeepsItsIdAndItsCustomerAsAcumaticaStoresThem() throws Exception {
        CanonicalRecord project = AcumaticaMappers.project(entity("{\"ProjectID\": {\"value\": \"P-1001 \"},"
                + "\"Description\": {\"value\": \"  Tour Nord \"}, \"Status\": {\"value\": \"Active \"},"
                + "\"Customer\": {\"value\": \"C-01\u00A0\"}, \"note\": {\"value\": \"\"}, \"custom\": {}}"));

        assertThat(project.entity()).isEqualTo(CanonicalEntity.PROJECT);
        assertThat(project.remoteKey()).isEqualTo("P-1001 ");
        assertThat(project.matchKey()).isEqualTo("P-1001");
        assertThat(project.fields()).containsEntry("number", "P-1001 ").containsEntry("name", "Tour Nord")
                .containsEntry("status", "Active").containsEntry("customer", "C-01\u00A0");
        assertThat(project.remoteModifiedAt()).isEqualTo(Instant.parse("2026-11-16T10:15:30.123Z"));
    }

    @Test
    void aProjectTaskIsKeyedUnderItsProjectAndKeepsBothIdsVerbatim() throws Exception {
        CanonicalRecord task = AcumaticaMappers.projectTask(entity("{\"ProjectID\": {\"value\": \"P-1001 \"},"
                + "\"ProjectTaskID\": {\"value\": \"01\u00A0\"}, \"Description\": {\"value\": \"Fondations\"},"
                + "\"Status\": {\"value\": \"Active\"}, \"Default\": {\"value\": true}}"));

        assertThat(task.remoteKey()).isEqualTo("01\u00A0");
        assertThat(task.parentMatchKey()).isEqualTo("P-1001");
        assertThat(task.matchKey()).isEqualTo(KeyNormalizer.compositeKey("P-1001", "01"));
        assertThat(task.fields()).containsEntry("code", "01\u00A0").containsEntry("description", "Fondations")
                .containsEntry("status", "Active").containsEntry("isDefault", true);
        assertThat(AcumaticaMappers.projectTask(entity("{\"ProjectID\": {\"value\": \"P-1001\"},"
                + "\"ProjectTaskID\": {\"value\": \"01\"}}")).fields()).as("not the default unless it says so")
                .containsEntry("isDefault", false);
    }

    @Test
    void aProjectTaskWithoutItsProjectIsRefused() throws Exception {
        assertThatThrownBy(() -> AcumaticaMappers.projectTask(entity("{\"ProjectTaskID\": {\"value\": \"01\"}}")))
                .isInstanceOf(MappingException.class).hasMessage("field 'ProjectID' is missing or blank");
    }

    @Test
    void aCostCodeKeepsItsCode() throws Exception {
        CanonicalRecord code = AcumaticaMappers.costCode(entity("{\"CostCodeID\": {\"value\": \"03-100 \"},"
                + "\"Description\": {\"value\": \"Coffrage \"}}"));

        assertThat(code.fields()).containsEntry("code", "03-100 ").containsEntry("description", "Coffrage");
        assertThat(code.matchKey()).isEqualTo("03-100");
    }

    @Test
    void aVendorReadsItsNamesStatusCurrencyAndTheMainContactsEmail() throws Exception {
        CanonicalRecord vendor = AcumaticaMappers.vendor(entity("{\"VendorID\": {\"value\": \"ACIERLEROU\u00A0\"},"
                + "\"VendorName\": {\"value\": \"Acier Leroux\"}, \"LegalName\": {\"value\": \"Acier Leroux inc. \"},"
                + "\"Status\": {\"value\": \"Active\"}, \"CurrencyID\": {\"value\": \"CAD \"},"
                + "\"MainContact\": {\"Email\": {\"value\": \" ventes@leroux.example \"}}}"));

        assertThat(vendor.fields()).containsEntry("code", "ACIERLEROU\u00A0").containsEntry("name", "Acier Leroux")
                .containsEntry("legalName", "Acier Leroux inc.").containsEntry("status", "Active")
                .containsEntry("email", "ventes@leroux.example").containsEntry("currency", "CAD");
        assertThat(vendor.matchKey()).isEqualTo("ACIERLEROU");
    }

    @Test
    void aCustomerTakesItsOwnEmailElseTheMainContacts() throws Exception {
        CanonicalRecord own = AcumaticaMappers.customer(entity("{\"CustomerID\": {\"value\": \"C-01 \"},"
                + "\"CustomerName\": {\"value\": \"Ville de Québec\"}, \"Status\": {\"value\": \"Active\"},"
                + "\"Email\": {\"value\": \"achats@quebec.example\"},"
                + "\"MainContact\": {\"Email\": {\"value\": \"contact@quebec.example\"}}}"));
        CanonicalRecord contact = AcumaticaMappers.customer(entity("{\"CustomerID\": {\"value\": \"C-02\"},"
                + "\"Email\": {}, \"MainContact\": {\"Email\": {\"value\": \"contact@levis.example\"}}}"));

        assertThat(own.fields()).containsEntry("code", "C-01 ").containsEntry("name", "Ville de Québec")
                .containsEntry("status", "Active").containsEntry("email", "achats@quebec.example");
        assertThat(contact.fields()).containsEntry("email", "contact@levis.example");
    }

    @Test
    void anEmployeeIsActiveUnlessItsStatusSaysOtherwiseAndHasNoTrade() throws Exception {
        CanonicalRecord active = AcumaticaMappers.employee(entity("{\"EmployeeID\": {\"value\": \"EP00042 \"},"
                + "\"Status\": {\"value\": \"Active\"}, \"ContactInfo\": {\"FirstName\": {\"value\": \"Marie-Ève\"},"
                + "\"LastName\": {\"value\": \" Tremblay\"}, \"Email\": {\"value\": \"marie@boreal.example\"}}}"));
        CanonicalRecord inactive = AcumaticaMappers.employee(entity("{\"EmployeeID\": {\"value\": \"EP00043\"},"
                + "\"Status\": {\"value\": \"Inactive\"}}"));
        CanonicalRecord noStatus = AcumaticaMappers.employee(entity("{\"EmployeeID\": {\"value\": \"EP00044\"}}"));

        assertThat(active.fields()).containsEntry("number", "EP00042 ").containsEntry("firstName", "Marie-Ève")
                .containsEntry("lastName", "Tremblay").containsEntry("email", "marie@boreal.example")
                .containsEntry("tradeCode", null).containsEntry("competency", null).containsEntry("active", true);
        assertThat(inactive.fields()).containsEntry("active", false);
        assertThat(noStatus.fields()).containsEntry("active", true);
    }

    @Test
    void aProjectTemplateKeepsItsId() throws Exception {
        CanonicalRecord template = AcumaticaMappers.projectTemplate(entity("{\"ProjectTemplateID\": {\"value\": \"GABARIT \"},"
                + "\"Description\": {\"value\": \"Gabarit résidentiel\"}, \"Status\": {\"value\": \"Active\"}}"));

        assertThat(template.fields()).containsEntry("code", "GABARIT ").containsEntry("description", "Gabarit résidentiel")
                .containsEntry("status", "Active");
    }

    @ParameterizedTest
    @MethodSource("flows")
    void anIdThatDiffersOnlyByItsBlanksIsTheSameRecordWithAnotherContentHash(Flow flow) throws Exception {
        CanonicalRecord plain = flow.mapper().apply(withKey(flow, JSON.getNodeFactory().textNode("A1")));
        CanonicalRecord spaced = flow.mapper().apply(withKey(flow, JSON.getNodeFactory().textNode("A1 ")));

        assertThat(spaced.entity()).isEqualTo(flow.entity());
        assertThat(spaced.remoteKey()).isEqualTo("A1 ");
        assertThat(spaced.matchKey()).isEqualTo(plain.matchKey());
        assertThat(spaced.looseKey()).isEqualTo(plain.looseKey());
        assertThat(spaced.contentHash()).as("a change of the raw id alone is a change").isNotEqualTo(plain.contentHash());
    }

    @ParameterizedTest
    @MethodSource("flows")
    void aMissingIdIsRefusedNamingIt(Flow flow) throws Exception {
        for (JsonNode entity : List.of(entity(flow.minimal()), withKey(flow, JSON.nullNode()),
                withKey(flow, JSON.getNodeFactory().textNode(" \u00A0\u200B")))) {
            assertThatThrownBy(() -> flow.mapper().apply(entity)).as(entity.toString())
                    .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("MISSING_FIELD"))
                    .hasMessage("field '" + flow.key() + "' is missing or blank");
        }
    }

    @ParameterizedTest
    @MethodSource("flows")
    void anIdLongerThanItsColumnIsRefusedNamingIt(Flow flow) throws Exception {
        assertThat(flow.mapper().apply(withKey(flow, JSON.getNodeFactory().textNode("X".repeat(255)))).remoteKey())
                .hasSize(255);
        ObjectNode tooLong = withKey(flow, JSON.getNodeFactory().textNode("X".repeat(255) + " "));

        assertThatThrownBy(() -> flow.mapper().apply(tooLong))
                .isInstanceOfSatisfying(MappingException.class, e -> assertThat(e.code()).isEqualTo("INVALID_FIELD"))
                .hasMessage("field '" + flow.key() + "' is 256 characters long; at most 255 fit");
    }

    @ParameterizedTest
    @MethodSource("flows")
    void anIdOfTheWrongTypeIsRefusedNamingIt(Flow flow) throws Exception {
        ObjectNode nested = withKey(flow, JSON.createObjectNode().put("text", "A1"));
        ObjectNode listed = withKey(flow, JSON.createArrayNode().add("A1"));

        assertThatThrownBy(() -> flow.mapper().apply(nested))
                .isInstanceOf(MappingException.class).hasMessage("field '" + flow.key() + "' must be text, was object");
        assertThatThrownBy(() -> flow.mapper().apply(listed))
                .isInstanceOf(MappingException.class).hasMessage("field '" + flow.key() + "' must be text, was array");
    }

    @ParameterizedTest
    @MethodSource("flows")
    void aModificationInstantIsRequired(Flow flow) throws Exception {
        ObjectNode undated = withKey(flow, JSON.getNodeFactory().textNode("A1"));
        undated.remove(AcumaticaMappers.MODIFIED);
        ObjectNode misdated = withKey(flow, JSON.getNodeFactory().textNode("A1"));
        misdated.putObject(AcumaticaMappers.MODIFIED).put("value", "16/11/2026");

        assertThatThrownBy(() -> flow.mapper().apply(undated)).isInstanceOf(MappingException.class)
                .hasMessage("field 'LastModifiedDateTime' is missing or blank");
        assertThatThrownBy(() -> flow.mapper().apply(misdated)).isInstanceOf(MappingException.class)
                .hasMessage("field 'LastModifiedDateTime' is not an ISO-8601 instant: '16/11/2026'");
    }

    @Test
    void aTextFieldOfTheWrongTypeOrTooLongIsRefusedNamingIt() throws Exception {
        assertThatThrownBy(() -> AcumaticaMappers.vendor(entity("{\"VendorID\": {\"value\": \"V1\"},"
                + "\"CurrencyID\": {\"value\": \"CANADIAN\u00A0DOLLAR\"}}")))
                .isInstanceOf(MappingException.class).hasMessage("field 'CurrencyID' is 15 characters long; at most 8 fit");
        assertThatThrownBy(() -> AcumaticaMappers.projectTask(entity("{\"ProjectID\": {\"value\": \"P\"},"
                + "\"ProjectTaskID\": {\"value\": \"01\"}, \"Default\": {\"value\": \"yes\"}}")))
                .isInstanceOf(MappingException.class).hasMessage("field 'Default' must be true or false");
        assertThatThrownBy(() -> AcumaticaMappers.employee(entity("{\"EmployeeID\": {\"value\": \"E1\"},"
                + "\"ContactInfo\": {\"LastName\": {\"value\": [\"Roy\"]}}}")))
                .isInstanceOf(MappingException.class).hasMessage("field 'LastName' must be text, was array");
    }
}
