package io.passerelle.company;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Company records as an ERP connector's mapper makes them for a companies flow ({@link CanonicalEntity#COMPANY}),
 * built by tests: {@code CompanyRecords.company("9d1c").number("0403.170.701").name("Bakkerij Janssens")
 * .director("51aa", "Jan Peeters", "2021-06-08", null).record()}. {@link #item()} is the same company as a JSON item,
 * for a test ERP whose mapper is {@link #map}.
 */
public final class CompanyRecords {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The record's fields, in the mapper's order. */
    private static final String[] TEXT_FIELDS = {"number", "name", "companyName", "legalForm", "language",
        "uniqueIdentifier"};

    private final ObjectNode item = JSON.objectNode();
    private final ArrayNode relations = JSON.arrayNode();

    private CompanyRecords(String erpId) {
        item.put("id", erpId);
        for (String field : TEXT_FIELDS) {
            item.putNull(field);
        }
        item.putNull("address");
        item.putNull("generalAssemblyDate");
        item.set("relations", relations);
    }

    /** A company of the ERP, by the ERP's id of it; named {@code "Company <id>"} until {@link #name} says otherwise. */
    public static CompanyRecords company(String erpId) {
        return new CompanyRecords(erpId).name("Company " + erpId);
    }

    public CompanyRecords number(String number) {
        item.put("number", number);
        return this;
    }

    public CompanyRecords name(String name) {
        item.put("name", name);
        return this;
    }

    public CompanyRecords companyName(String companyName) {
        item.put("companyName", companyName);
        return this;
    }

    public CompanyRecords legalForm(String legalForm) {
        item.put("legalForm", legalForm);
        return this;
    }

    public CompanyRecords language(String language) {
        item.put("language", language);
        return this;
    }

    public CompanyRecords uniqueIdentifier(String uniqueIdentifier) {
        item.put("uniqueIdentifier", uniqueIdentifier);
        return this;
    }

    public CompanyRecords address(String street, String houseNumber, String box, String postalCode, String city,
            String country) {
        item.set("address", JSON.objectNode().put("street", street).put("houseNumber", houseNumber).put("box", box)
                .put("postalCode", postalCode).put("city", city).put("country", country));
        return this;
    }

    /** {@code YYYY-MM-DD}, or anything else to see it refused. */
    public CompanyRecords generalAssemblyDate(String date) {
        item.put("generalAssemblyDate", date);
        return this;
    }

    /** A field as the mapper would never set it, to see it refused. */
    public CompanyRecords field(String name, JsonNode value) {
        item.set(name, value);
        return this;
    }

    public CompanyRecords director(String relationId, String name, String startDate, String endDate) {
        relations.add(relation(relationId, "DIRECTOR", "PERSON", name, startDate, endDate));
        return this;
    }

    /** A company director, with the person who represents it. */
    public CompanyRecords companyDirector(String relationId, String name, String representative, String startDate,
            String endDate) {
        relations.add(relation(relationId, "DIRECTOR", "COMPANY", name, startDate, endDate)
                .put("permanentRepresentative", representative));
        return this;
    }

    public CompanyRecords shareholder(String relationId, String name, String sharePercent, String shares) {
        relations.add(relation(relationId, "SHAREHOLDER", "PERSON", name, null, null)
                .put("sharePercent", sharePercent == null ? null : new BigDecimal(sharePercent))
                .put("shares", shares == null ? null : new BigDecimal(shares)));
        return this;
    }

    public CompanyRecords auditor(String relationId, String name) {
        relations.add(relation(relationId, "AUDITOR", "COMPANY", name, null, null));
        return this;
    }

    /** A relation as given, e.g. one with a field the writer refuses. */
    public CompanyRecords relation(ObjectNode relation) {
        relations.add(relation);
        return this;
    }

    /** A relation of the mapper's shape: {relationId, role, type, name, firstName, lastName, startDate, …}. */
    public static ObjectNode relation(String relationId, String role, String type, String name, String startDate,
            String endDate) {
        ObjectNode relation = JSON.objectNode().put("relationId", relationId).put("role", role).put("type", type)
                .put("name", name);
        String[] parts = name == null ? new String[0] : name.strip().split("\\s+", 2);
        relation.put("firstName", "PERSON".equals(type) && parts.length == 2 ? parts[0] : null);
        relation.put("lastName", "PERSON".equals(type) && parts.length == 2 ? parts[1] : null);
        relation.put("startDate", startDate).put("endDate", endDate);
        relation.putNull("sharePercent");
        relation.putNull("shares");
        relation.putNull("permanentRepresentative");
        return relation;
    }

    /** The company as a JSON item: {@code id} and the record's fields. */
    public ObjectNode item() {
        return item.deepCopy();
    }

    public CanonicalRecord record() {
        return map(item);
    }

    /** The mapper of a test ERP whose items are {@link #item()}s. */
    public static CanonicalRecord map(JsonNode item) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String field : TEXT_FIELDS) {
            JsonNode value = item.path(field);
            fields.put(field, value.isTextual() ? value.asText() : null);
        }
        JsonNode address = item.path("address");
        fields.put("address", address.isObject() ? address.deepCopy() : null);
        JsonNode date = item.path("generalAssemblyDate");
        fields.put("generalAssemblyDate", date.isTextual() ? date.asText() : null);
        fields.put("relations", item.path("relations").deepCopy());
        for (var extra = item.fields(); extra.hasNext();) {
            Map.Entry<String, JsonNode> field = extra.next();
            if (!fields.containsKey(field.getKey()) && !field.getKey().equals("id")) {
                fields.put(field.getKey(), field.getValue());
            }
        }
        return CanonicalRecord.of(CanonicalEntity.COMPANY, item.path("id").asText(), null, fields, null);
    }
}
