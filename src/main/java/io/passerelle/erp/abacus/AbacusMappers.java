package io.passerelle.erp.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import io.passerelle.canonical.MappingException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Abacus entities to canonical records. Plain Java, no Camel. Keys are the entities' {@code Id}s, the numbers a
 * booking names. Names and descriptions are kept exactly as Abacus stores them, trailing blanks and no-break
 * spaces included: what an administrator typed in German, French or Italian is what the platform shows, and a
 * blank added in Abacus is a change. Abacus's second codes ({@code ProjectId2}, {@code ServiceCode2}) and badges are
 * the route files' custom fields, verbatim too.
 */
public final class AbacusMappers {

    static final int KEY = 255;
    static final int LABEL = 1000;
    static final String ACTIVE = "Active";
    static final String INACTIVE = "Inactive";
    /** The order in which a service code's description is chosen among its languages. */
    static final List<String> LANGUAGES = List.of("de", "fr", "it", "en");

    private AbacusMappers() {
    }

    public static CanonicalRecord employee(JsonNode entity) {
        JsonFields in = new JsonFields(entity);
        String id = in.requiredKey("Id", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", id);
        fields.put("firstName", in.code("FirstName", KEY));
        fields.put("lastName", in.code("LastName", KEY));
        fields.put("email", null);
        fields.put("tradeCode", null);
        fields.put("competency", null);
        fields.put("active", true);
        return CanonicalRecord.of(CanonicalEntity.EMPLOYEE, id, null, fields, instant(in, entity, "ModificationDate"));
    }

    public static CanonicalRecord project(JsonNode entity) {
        JsonFields in = new JsonFields(entity);
        String id = in.requiredKey("Id", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", id);
        fields.put("name", in.code("Name", LABEL));
        fields.put("status", in.bool("IsInactive", false) ? INACTIVE : ACTIVE);
        fields.put("customer", in.code("CustomerSubjectId", KEY));
        return CanonicalRecord.of(CanonicalEntity.PROJECT, id, null, fields, changedOn(entity));
    }

    public static CanonicalRecord serviceCode(JsonNode entity) {
        JsonFields in = new JsonFields(entity);
        String id = in.requiredKey("Id", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", id);
        fields.put("description", description(entity.path("Descriptions")));
        fields.put("status", in.bool("Inactive", false) ? INACTIVE : ACTIVE);
        return CanonicalRecord.of(CanonicalEntity.SERVICE_CODE, id, null, fields, changedOn(entity));
    }

    /** The text in the first of {@link #LANGUAGES} that has one, else the first text given; verbatim. */
    static String description(JsonNode descriptions) {
        if (!descriptions.isArray() && !descriptions.isMissingNode() && !descriptions.isNull()) {
            throw MappingException.invalid("Descriptions", "must be a list of {Language, Text}");
        }
        for (String language : LANGUAGES) {
            for (JsonNode description : descriptions) {
                if (language.equalsIgnoreCase(description.path("Language").asText(""))) {
                    String text = new JsonFields(description, "Descriptions[" + language + "].").code("Text", LABEL);
                    if (text != null) {
                        return text;
                    }
                }
            }
        }
        for (JsonNode description : descriptions) {
            String text = new JsonFields(description, "Descriptions.").code("Text", LABEL);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static Instant changedOn(JsonNode entity) {
        JsonNode change = entity.path("ChangeInformation");
        return change.isObject() && change.hasNonNull("ChangedOn")
                ? new JsonFields(change, "ChangeInformation.").instant("ChangedOn") : null;
    }

    private static Instant instant(JsonFields in, JsonNode entity, String field) {
        return entity.hasNonNull(field) ? in.instant(field) : null;
    }
}
