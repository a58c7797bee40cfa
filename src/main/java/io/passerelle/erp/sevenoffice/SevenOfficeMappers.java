package io.passerelle.erp.sevenoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import io.passerelle.canonical.MappingException;
import io.passerelle.erp.http.Watermarks;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 24SevenOffice customers (companies and persons) to canonical customers. Plain Java, no Camel. The key is the
 * customer's {@code id}; the name is kept exactly as 24SevenOffice stores it (a trailing blank added there is a change),
 * a person's made of its first and last names when it has no name of its own. {@code isSupplier} and the organisation
 * number are the route file's custom fields.
 */
public final class SevenOfficeMappers {

    static final int KEY = 255;
    static final int LABEL = 1000;
    static final int EMAIL = 320;

    private SevenOfficeMappers() {
    }

    public static CanonicalRecord customer(JsonNode customer) {
        JsonFields in = new JsonFields(customer);
        String id = in.requiredKey("id", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", id);
        fields.put("name", name(customer, in));
        fields.put("status", null);
        fields.put("email", email(customer.path("email")));
        return CanonicalRecord.of(CanonicalEntity.CUSTOMER, id, null, fields, modifiedAt(customer));
    }

    /**
     * An organization's {@code /organization/information} to a platform company, keyed by its {@code id} (which must
     * be the organization the token was asked for): the name verbatim, the visiting address, the organisation number
     * kept as a Norwegian one (never read as a Belgian enterprise number).
     */
    public static CanonicalRecord organization(JsonNode information, long asked) {
        JsonFields in = new JsonFields(information);
        String id = in.requiredKey("id", KEY);
        if (!id.equals(String.valueOf(asked))) {
            throw MappingException.invalid("id", "is " + id + ", not the organization " + asked + " the token is for");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", in.code("organizationNumber", 64));
        fields.put("numberCountry", "NO");
        fields.put("name", in.requiredText("name", LABEL));
        JsonNode address = information.path("address");
        if (address.isObject()) {
            JsonFields at = new JsonFields(address, "address.");
            ObjectNode kept = JsonNodeFactory.instance.objectNode();
            kept.put("street", at.text("street", LABEL));
            kept.put("postalCode", at.text("postalCode", 64));
            kept.put("city", at.text("city", LABEL) != null ? at.text("city", LABEL) : at.text("postalArea", LABEL));
            kept.put("country", at.text("countryCode", 64));
            fields.put("address", kept);
        }
        return CanonicalRecord.of(CanonicalEntity.COMPANY, id, null, fields, null);
    }

    private static String name(JsonNode customer, JsonFields in) {
        String name = in.code("name", LABEL);
        if (name != null) {
            return name;
        }
        JsonNode person = customer.path("person");
        if (person.isObject()) {
            JsonFields names = new JsonFields(person, "person.");
            String first = names.code("firstName", KEY);
            String last = names.code("lastName", KEY);
            if (first != null || last != null) {
                return first == null ? last : last == null ? first : first + " " + last;
            }
        }
        throw MappingException.missing("name");
    }

    /** The contact address, else the billing one. */
    private static String email(JsonNode email) {
        if (!email.isObject()) {
            return null;
        }
        JsonFields in = new JsonFields(email, "email.");
        String contact = in.text("contact", EMAIL);
        return contact != null ? contact : in.text("billing", EMAIL);
    }

    /** {@code 2026-03-02 10:00:07.000Z} as the spec writes it, or ISO 8601 with its {@code T}: both are read. */
    private static Instant modifiedAt(JsonNode customer) {
        JsonNode modified = customer.path("modifiedAt");
        if (!modified.isTextual()) {
            return null;
        }
        Instant instant = Watermarks.instant(modified.asText());
        if (instant == null) {
            throw MappingException.invalid("modifiedAt", "is not a timestamp with its offset: '" + modified.asText() + "'");
        }
        return instant;
    }
}
