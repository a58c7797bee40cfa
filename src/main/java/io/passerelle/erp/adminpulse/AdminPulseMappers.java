package io.passerelle.erp.adminpulse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import io.passerelle.canonical.MappingException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An AdminPulse relation of type company (a client of the office) to a canonical company record with its board:
 * directors, shareholders and auditors from its {@code linkedRelations}; contact persons are not a board's and are
 * left out. Plain Java, no Camel. The enterprise number is kept as AdminPulse spells it: the platform normalises and
 * checks it.
 */
public final class AdminPulseMappers {

    static final int KEY = 255;
    static final int LABEL = 1000;
    static final int SHORT = 64;
    static final String COMPANY = "company";
    private static final Map<String, String> ROLES = Map.of("director", "DIRECTOR", "shareholder", "SHAREHOLDER",
            "auditor", "AUDITOR");
    private static final String CONTACT_PERSON = "contactPerson";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private AdminPulseMappers() {
    }

    public static CanonicalRecord company(JsonNode relation) {
        JsonFields in = new JsonFields(relation);
        String id = in.requiredKey("id", KEY);
        String type = in.text("type", SHORT);
        if (type != null && !COMPANY.equalsIgnoreCase(type)) {
            throw MappingException.invalid("type", "is '" + type + "': only companies are imported (a person comes in "
                    + "as a relation of the companies that list it)");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", in.code("vatNumber", SHORT));
        fields.put("name", in.requiredText("name", LABEL));
        fields.put("companyName", in.text("companyName", LABEL));
        fields.put("legalForm", in.text("legalForm", SHORT));
        fields.put("language", in.text("language", SHORT));
        fields.put("uniqueIdentifier", in.code("uniqueIdentifier", SHORT));
        fields.put("address", address(relation.path("address")));
        fields.put("generalAssemblyDate", date(relation, "generalAssemblyDate", ""));
        fields.put("relations", board(relation.path("linkedRelations")));
        JsonNode modified = relation.path("lastModified");
        Instant modifiedAt = modified.isTextual() ? io.passerelle.erp.http.Watermarks.instant(modified.asText()) : null;
        return CanonicalRecord.of(CanonicalEntity.COMPANY, id, null, fields, modifiedAt);
    }

    private static ObjectNode address(JsonNode address) {
        if (address.isMissingNode() || address.isNull()) {
            return null;
        }
        if (!address.isObject()) {
            throw MappingException.invalid("address", "must be an object");
        }
        JsonFields in = new JsonFields(address, "address.");
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (String field : new String[] {"street", "houseNumber", "box", "postalCode", "city", "country"}) {
            String value = in.text(field, field.equals("street") || field.equals("city") ? LABEL : SHORT);
            if (value == null) {
                out.putNull(field);
            } else {
                out.put(field, value);
            }
        }
        return out;
    }

    /** The board in AdminPulse's order: each director, shareholder and auditor; contact persons left out. */
    private static ArrayNode board(JsonNode linked) {
        ArrayNode board = JsonNodeFactory.instance.arrayNode();
        if (linked.isMissingNode() || linked.isNull()) {
            return board;
        }
        if (!linked.isArray()) {
            throw MappingException.invalid("linkedRelations", "must be a list");
        }
        for (int i = 0; i < linked.size(); i++) {
            JsonNode relation = linked.get(i);
            String at = "linkedRelations[" + i + "].";
            JsonFields in = new JsonFields(relation, at);
            String role = in.text("role", SHORT);
            if (CONTACT_PERSON.equalsIgnoreCase(role == null ? "" : role)) {
                continue;
            }
            String canonicalRole = role == null ? null : ROLES.get(role.toLowerCase(Locale.ROOT));
            if (canonicalRole == null) {
                throw MappingException.invalid(at + "role", "is '" + role + "': a director, shareholder, auditor or "
                        + "contactPerson was expected");
            }
            ObjectNode out = board.addObject();
            out.put("relationId", in.code("relationId", KEY));
            out.put("role", canonicalRole);
            String type = in.text("type", SHORT);
            if (type == null && (in.text("firstName", KEY) != null || in.text("lastName", KEY) != null)) {
                type = "person"; // AdminPulse gives persons a first and a last name, companies none
            }
            out.put("type", type == null ? null : type.toUpperCase(Locale.ROOT));
            out.put("name", in.requiredText("name", LABEL));
            out.put("firstName", in.text("firstName", KEY));
            out.put("lastName", in.text("lastName", KEY));
            out.put("startDate", date(relation, "startDate", at));
            out.put("endDate", date(relation, "endDate", at));
            BigDecimal percent = in.decimal("sharePercentage", 5, 2);
            if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
                throw MappingException.invalid(at + "sharePercentage", "must be from 0 to 100, was "
                        + percent.toPlainString());
            }
            out.put("sharePercent", percent);
            out.put("shares", in.decimal("shares", 18, 0));
            out.put("permanentRepresentative", representative(relation.path("permanentRepresentative"), at));
        }
        return board;
    }

    /** A name, or an object naming one ({@code {"relationId","name"}}). */
    private static String representative(JsonNode value, String at) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (value.isObject()) {
            return new JsonFields(value, at + "permanentRepresentative.").text("name", LABEL);
        }
        if (value.isTextual()) {
            String name = value.asText().strip();
            return name.isEmpty() ? null : name;
        }
        throw MappingException.invalid(at + "permanentRepresentative", "must be a name or an object with a name");
    }

    /** {@code 2026-06-09} or {@code 2026-06-09T00:00:00}: the date; null when absent. */
    private static String date(JsonNode item, String field, String at) {
        JsonNode value = item.path(field);
        if (value.isMissingNode() || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == 'T' ? text.substring(0, 10) : text).toString();
        } catch (DateTimeParseException e) {
            throw MappingException.invalid(at + field, "is not a date: '" + (text.length() > 40 ? text.substring(0, 40) : text) + "'");
        }
    }
}
