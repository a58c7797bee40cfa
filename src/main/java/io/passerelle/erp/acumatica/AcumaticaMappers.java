package io.passerelle.erp.acumatica;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import java.util.LinkedHashMap;
import java.util.Map;

/** Acumatica contract entities (Default/24.200.001) to canonical records. Plain Java, no Camel. */
public final class AcumaticaMappers {

    static final int KEY = 255;
    static final int LABEL = 1000;
    static final int SHORT = 32;
    static final int EMAIL = 320;
    static final String MODIFIED = "LastModifiedDateTime";

    private AcumaticaMappers() {
    }

    public static CanonicalRecord project(JsonNode entity) {
        JsonFields in = new JsonFields(AcumaticaJson.unwrap(entity));
        // ids verbatim, as Acumatica stores them, so that the documents sent back name them exactly (the customer is
        // an id too); descriptions, names, statuses, e-mails and a vendor's currency (an ISO code in a column of 8)
        // stripped: the platform shows or interprets them and never sends them back
        String id = in.requiredKey("ProjectID", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", id);
        fields.put("name", in.text("Description", LABEL));
        fields.put("status", in.text("Status", SHORT));
        fields.put("customer", in.code("Customer", KEY));
        return CanonicalRecord.of(CanonicalEntity.PROJECT, id, null, fields, in.instant(MODIFIED));
    }

    public static CanonicalRecord projectTask(JsonNode entity) {
        JsonFields in = new JsonFields(AcumaticaJson.unwrap(entity));
        String project = in.requiredKey("ProjectID", KEY);
        String task = in.requiredKey("ProjectTaskID", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", task);
        fields.put("description", in.text("Description", LABEL));
        fields.put("status", in.text("Status", SHORT));
        fields.put("isDefault", in.bool("Default", false));
        return CanonicalRecord.of(CanonicalEntity.PROJECT_TASK, task, project, fields, in.instant(MODIFIED));
    }

    public static CanonicalRecord costCode(JsonNode entity) {
        JsonFields in = new JsonFields(AcumaticaJson.unwrap(entity));
        String code = in.requiredKey("CostCodeID", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("Description", LABEL));
        return CanonicalRecord.of(CanonicalEntity.COST_CODE, code, null, fields, in.instant(MODIFIED));
    }

    public static CanonicalRecord vendor(JsonNode entity) {
        JsonNode plain = AcumaticaJson.unwrap(entity);
        JsonFields in = new JsonFields(plain);
        String id = in.requiredKey("VendorID", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", id);
        fields.put("name", in.text("VendorName", LABEL));
        fields.put("legalName", in.text("LegalName", LABEL));
        fields.put("status", in.text("Status", SHORT));
        fields.put("email", new JsonFields(plain.path("MainContact")).text("Email", EMAIL));
        fields.put("currency", in.text("CurrencyID", 8));
        // the vendor columns Avantage's suppliers fill (telephone, address): not read from Acumatica
        fields.put("phone", null);
        fields.put("street", null);
        fields.put("city", null);
        fields.put("province", null);
        fields.put("postalCode", null);
        return CanonicalRecord.of(CanonicalEntity.VENDOR, id, null, fields, in.instant(MODIFIED));
    }

    public static CanonicalRecord customer(JsonNode entity) {
        JsonNode plain = AcumaticaJson.unwrap(entity);
        JsonFields in = new JsonFields(plain);
        String id = in.requiredKey("CustomerID", KEY);
        String email = in.text("Email", EMAIL);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", id);
        fields.put("name", in.text("CustomerName", LABEL));
        fields.put("status", in.text("Status", SHORT));
        fields.put("email", email != null ? email : new JsonFields(plain.path("MainContact")).text("Email", EMAIL));
        return CanonicalRecord.of(CanonicalEntity.CUSTOMER, id, null, fields, in.instant(MODIFIED));
    }

    public static CanonicalRecord employee(JsonNode entity) {
        JsonNode plain = AcumaticaJson.unwrap(entity);
        JsonFields in = new JsonFields(plain);
        JsonFields contact = new JsonFields(plain.path("ContactInfo"));
        String id = in.requiredKey("EmployeeID", KEY);
        String status = in.text("Status", SHORT);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", id);
        fields.put("firstName", contact.text("FirstName", KEY));
        fields.put("lastName", contact.text("LastName", KEY));
        fields.put("email", contact.text("Email", EMAIL));
        fields.put("tradeCode", null);
        fields.put("competency", null);
        fields.put("active", status == null || "Active".equalsIgnoreCase(status));
        return CanonicalRecord.of(CanonicalEntity.EMPLOYEE, id, null, fields, in.instant(MODIFIED));
    }

    public static CanonicalRecord projectTemplate(JsonNode entity) {
        JsonFields in = new JsonFields(AcumaticaJson.unwrap(entity));
        String id = in.requiredKey("ProjectTemplateID", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", id);
        fields.put("description", in.text("Description", LABEL));
        fields.put("status", in.text("Status", SHORT));
        return CanonicalRecord.of(CanonicalEntity.PROJECT_TEMPLATE, id, null, fields, in.instant(MODIFIED));
    }
}
