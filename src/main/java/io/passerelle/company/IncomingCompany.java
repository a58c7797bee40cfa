package io.passerelle.company;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import io.passerelle.canonical.MappingException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A company record of an inbound flow ({@code CanonicalEntity.COMPANY}) read for the platform: its fields checked one
 * by one, each fault naming its field ({@code relations[2].startDate}), as a mapper's are. The fields, in the
 * mapper's order: {@code number} (with {@code numberCountry} when it is not a Belgian one), {@code name}, {@code companyName}, {@code legalForm}, {@code language},
 * {@code uniqueIdentifier} (text or null), {@code address} (an object {street, houseNumber, box, postalCode, city,
 * country} or null), {@code generalAssemblyDate} ({@code YYYY-MM-DD} or null) and {@code relations} (a list of
 * {relationId, role, type, name, firstName, lastName, startDate, endDate, sharePercent, shares,
 * permanentRepresentative}).
 *
 * @param number null when the ERP gives none
 */
record IncomingCompany(
        CanonicalRecord record,
        EnterpriseNumber number,
        String name,
        String companyName,
        String legalForm,
        String language,
        String uniqueIdentifier,
        ObjectNode address,
        LocalDate generalAssemblyDate,
        List<IncomingRelation> relations) {

    static final int NAME = 1000;
    static final int SHORT = 64;
    static final int KEY = 255;
    static final List<String> ADDRESS = List.of("street", "houseNumber", "box", "postalCode", "city", "country");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** @throws MappingException naming the first field at fault */
    static IncomingCompany of(CanonicalRecord record) {
        ObjectNode item = asObject(record.fields());
        JsonFields in = new JsonFields(item);
        String number = in.code("number", SHORT);
        String country = in.code("numberCountry", 2);
        return new IncomingCompany(record, number == null ? null : EnterpriseNumber.parse(country, number).orElse(null),
                in.requiredText("name", NAME), in.text("companyName", NAME), in.text("legalForm", SHORT),
                in.text("language", SHORT), in.code("uniqueIdentifier", KEY), address(in.object("address")),
                date(item, "generalAssemblyDate", ""), relations(item.get("relations")));
    }

    /** The ERP's key of the company as normalised for matching. */
    String matchKey() {
        return record.matchKey();
    }

    String remoteKey() {
        return record.remoteKey();
    }

    private static ObjectNode address(JsonNode address) {
        if (address == null) {
            return null;
        }
        JsonFields in = new JsonFields(address, "address.");
        ObjectNode kept = JsonNodeFactory.instance.objectNode();
        boolean any = false;
        for (String field : ADDRESS) {
            String value = in.text(field, field.equals("street") || field.equals("city") ? NAME : SHORT);
            kept.put(field, value);
            any |= value != null;
        }
        return any ? kept : null;
    }

    private static List<IncomingRelation> relations(JsonNode list) {
        if (list == null || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw MappingException.invalid("relations", "must be a list");
        }
        List<IncomingRelation> relations = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            String at = "relations[" + i + "].";
            JsonNode item = list.get(i);
            if (!item.isObject()) {
                throw MappingException.invalid("relations[" + i + "]", "must be an object");
            }
            relations.add(relation(item, at));
        }
        return relations;
    }

    private static IncomingRelation relation(JsonNode item, String at) {
        JsonFields in = new JsonFields(item, at);
        String roleText = in.text("role", SHORT);
        RelationRole role = RelationRole.parse(roleText).orElseThrow(() -> roleText == null
                ? MappingException.missing(at + "role")
                : MappingException.invalid(at + "role", "is '" + roleText + "': DIRECTOR, SHAREHOLDER or AUDITOR"));
        String typeText = in.text("type", SHORT);
        RelationType type = RelationType.parse(typeText).orElseThrow(() -> typeText == null
                ? MappingException.missing(at + "type")
                : MappingException.invalid(at + "type", "is '" + typeText + "': PERSON or COMPANY"));
        LocalDate start = date(item, "startDate", at);
        LocalDate end = date(item, "endDate", at);
        if (start != null && end != null && end.isBefore(start)) {
            throw MappingException.invalid(at + "endDate", "is " + end + ", before the start date " + start);
        }
        BigDecimal percent = in.decimal("sharePercent", 5, 2);
        if (percent != null && (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0)) {
            throw MappingException.invalid(at + "sharePercent", "must be from 0 to 100, was " + percent.toPlainString());
        }
        BigDecimal shares = in.decimal("shares", 18, 0);
        if (shares != null && shares.signum() < 0) {
            throw MappingException.invalid(at + "shares", "must not be negative, was " + shares.toPlainString());
        }
        return new IncomingRelation(in.code("relationId", KEY), new RelationFields(role, type,
                in.requiredText("name", NAME), in.text("firstName", KEY), in.text("lastName", KEY), start, end, percent,
                shares, in.text("permanentRepresentative", NAME)));
    }

    /** {@code YYYY-MM-DD}, or null when absent. */
    private static LocalDate date(JsonNode item, String field, String at) {
        JsonNode value = item.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        try {
            if (value.isTextual() && text.length() == 10) {
                return LocalDate.parse(text);
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw MappingException.invalid(at + field, "is not a date (YYYY-MM-DD): '"
                + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "'");
    }

    /** The record's fields as one JSON object, so that one reader checks them all. */
    private static ObjectNode asObject(Map<String, Object> fields) {
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        fields.forEach((name, value) -> {
            if (value == null) {
                item.putNull(name);
            } else if (value instanceof JsonNode node) {
                item.set(name, node);
            } else if (value instanceof BigDecimal decimal) {
                item.put(name, decimal);
            } else if (value instanceof Number n) {
                item.put(name, new BigDecimal(n.toString()));
            } else {
                item.put(name, value.toString());
            }
        });
        return item;
    }
}
