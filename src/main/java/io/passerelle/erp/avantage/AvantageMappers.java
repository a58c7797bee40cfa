package io.passerelle.erp.avantage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import io.passerelle.canonical.MappingException;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Avantage LIST items (avantage-maintcp.md §5) to canonical records. Plain Java, no Camel. */
public final class AvantageMappers {

    static final int KEY = 255;
    static final int LABEL = 1000;
    static final int SHORT = 32;
    static final int EMAIL = 320;
    /** Hourly rates, like earning_type.rate: numeric(14, 4). */
    static final int RATE_PRECISION = 14;
    static final int RATE_SCALE = 4;
    static final int PHONE = 64;
    static final int CITY = 255;
    static final int POSTAL_CODE = 32;
    /** A purchase order's lines, at most: more is not an order a person keyed in, and would not fit its column. */
    static final int MAX_LINES = 1000;
    /** Quantities and unit costs of purchase-order lines: numeric(14, 4); amounts and totals to the cent. */
    static final int QUANTITY_PRECISION = 14;
    static final int QUANTITY_SCALE = 4;
    static final int AMOUNT_PRECISION = 16;
    static final int AMOUNT_SCALE = 2;
    /** Writes the rates and lines columns: quoted and escaped texts, plain (never 1E+3) amounts. */
    private static final ObjectMapper RATES_JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();
    /** What a supplier without an address reads as: every part of it absent. */
    private static final JsonNode NO_ADDRESS = RATES_JSON.createObjectNode();
    /** purchase_order.total: numeric(16, 2), as each line's amount. */
    static final int TOTAL_INTEGER_DIGITS = AMOUNT_PRECISION - AMOUNT_SCALE;

    private AvantageMappers() {
    }

    public static CanonicalRecord project(JsonNode item) {
        JsonFields in = new JsonFields(item);
        // keys and codes verbatim: Avantage compares codes exactly as stored (§4), so they go back as they came;
        // names and the values the platform interprets (status, kind, unit) stripped: nothing sends them back
        String number = in.requiredKey("number", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("name", in.text("name", LABEL));
        fields.put("status", in.text("status", SHORT));
        fields.put("customer", in.code("customer", KEY));
        return CanonicalRecord.of(CanonicalEntity.PROJECT, number, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord employee(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String number = in.requiredKey("number", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("firstName", in.text("firstName", KEY));
        fields.put("lastName", in.text("lastName", KEY));
        fields.put("email", in.text("email", EMAIL));
        // the trade and the competency name a trade and one of its rates: codes, verbatim as their keys are
        fields.put("tradeCode", in.code("trade", KEY));
        fields.put("competency", in.code("competency", SHORT));
        fields.put("active", in.bool("active", true));
        return CanonicalRecord.of(CanonicalEntity.EMPLOYEE, number, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord trade(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String code = in.requiredKey("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("rates", rates(in.object("rates")));
        return CanonicalRecord.of(CanonicalEntity.TRADE, code, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord activity(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String project = in.requiredKey("project", KEY);
        String code = in.requiredKey("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("budgetHours", in.decimal("budgetHours", 14, 2));
        fields.put("budgetAmount", in.decimal("budgetAmount", 16, 2));
        return CanonicalRecord.of(CanonicalEntity.ACTIVITY, code, project, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord earning(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String code = in.requiredKey("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("kind", in.text("kind", SHORT));
        fields.put("unit", in.text("unit", SHORT));
        fields.put("rate", in.decimal("rate", 14, 4));
        return CanonicalRecord.of(CanonicalEntity.EARNING, code, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord hourType(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String code = in.requiredKey("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("multiplier", in.decimal("multiplier", 8, 4));
        return CanonicalRecord.of(CanonicalEntity.HOUR_TYPE, code, null, fields, in.instant("modifiedAt"));
    }

    /**
     * A SUPPLIER as the company's vendor (see CanonicalEntity.VENDOR): Acumatica's vendor fields it has (code, name,
     * status, e-mail), its telephone and its address; no legal name or currency.
     */
    public static CanonicalRecord supplier(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String code = in.requiredKey("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("name", in.text("name", LABEL));
        fields.put("legalName", null);
        fields.put("status", in.text("status", SHORT));
        fields.put("email", in.text("email", EMAIL));
        fields.put("currency", null);
        fields.put("phone", in.text("phone", PHONE));
        JsonNode address = in.object("address");
        JsonFields at = new JsonFields(address == null ? NO_ADDRESS : address, "address.");
        fields.put("street", at.text("street", LABEL));
        fields.put("city", at.text("city", CITY));
        fields.put("province", at.text("province", PHONE));
        fields.put("postalCode", at.text("postalCode", POSTAL_CODE));
        return CanonicalRecord.of(CanonicalEntity.VENDOR, code, null, fields, in.instant("modifiedAt"));
    }

    /**
     * A PURCHASE_ORDER, keyed by its number: its supplier and project by their keys (verbatim, as the ERP spells
     * them), its date and status, and its lines as one JSON array sorted by line number (see {@link #lines}), so that
     * a changed line (a quantity, an amount) changes the order's content and is an update of it; {@code total} is the
     * sum of the lines' amounts.
     */
    public static CanonicalRecord purchaseOrder(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String number = in.requiredKey("number", KEY);
        Lines lines = lines(in.array("lines"));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("supplierCode", in.code("supplier", KEY));
        fields.put("projectNumber", in.code("project", KEY));
        fields.put("orderDate", in.date("date"));
        fields.put("status", in.text("status", SHORT));
        fields.put("total", lines.total());
        fields.put("lines", lines.json());
        return CanonicalRecord.of(CanonicalEntity.PURCHASE_ORDER, number, null, fields, in.instant("modifiedAt"));
    }

    /** A purchase order's lines as their column holds them, and the sum of their amounts (null: no amount at all). */
    record Lines(String json, BigDecimal total) {
    }

    /**
     * The lines as a JSON array sorted by line number, each {@code {line, activity, description, quantity, unitCost,
     * amount}} with every field present (null when the ERP gave none), numbers plain and without trailing zeros: the
     * same lines, in whatever order or spelling of their numbers, always give the same text. Absent lines are none.
     * Two lines with one number are refused: which one is the order's?
     */
    static Lines lines(JsonNode lines) {
        if (lines == null) {
            return new Lines("[]", null);
        }
        if (lines.size() > MAX_LINES) {
            throw MappingException.invalid("lines", "holds " + lines.size() + " lines; at most " + MAX_LINES + " fit");
        }
        TreeMap<Integer, ObjectNode> byNumber = new TreeMap<>();
        BigDecimal total = null;
        for (int i = 0; i < lines.size(); i++) {
            String path = "lines[" + i + "]";
            JsonNode node = lines.get(i);
            if (!node.isObject()) {
                throw MappingException.invalid(path, "must be an object");
            }
            JsonFields line = new JsonFields(node, path + ".");
            Integer number = line.integer("line");
            if (number == null) {
                throw MappingException.missing(path + ".line");
            }
            BigDecimal amount = line.decimal("amount", AMOUNT_PRECISION, AMOUNT_SCALE);
            ObjectNode out = RATES_JSON.createObjectNode();
            out.put("line", number);
            out.put("activity", line.code("activity", KEY));
            out.put("description", line.text("description", LABEL));
            out.put("quantity", plain(line.decimal("quantity", QUANTITY_PRECISION, QUANTITY_SCALE)));
            out.put("unitCost", plain(line.decimal("unitCost", QUANTITY_PRECISION, QUANTITY_SCALE)));
            out.put("amount", plain(amount));
            if (byNumber.putIfAbsent(number, out) != null) {
                throw MappingException.invalid(path + ".line", "is " + number + ", the number of another line too");
            }
            if (amount != null) {
                total = total == null ? amount : total.add(amount);
            }
        }
        if (total != null && total.precision() - total.scale() > TOTAL_INTEGER_DIGITS) {
            throw MappingException.invalid("lines", "add up to an amount of more than " + TOTAL_INTEGER_DIGITS
                    + " digits before the decimal point");
        }
        ArrayNode sorted = RATES_JSON.createArrayNode();
        byNumber.values().forEach(sorted::add);
        try {
            return new Lines(RATES_JSON.writeValueAsString(sorted), total);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("lines of plain texts and numbers always serialise", e);
        }
    }

    private static BigDecimal plain(BigDecimal number) {
        return number == null ? null : number.stripTrailingZeros();
    }

    /** Competency → hourly rate, as sorted JSON so that the same rates always hash the same. */
    static String rates(JsonNode rates) {
        if (rates == null) {
            return null;
        }
        JsonFields rate = new JsonFields(rates, "rates.");
        ObjectNode sorted = RATES_JSON.createObjectNode();
        new TreeSet<>(rates.properties().stream().map(Map.Entry::getKey).toList()).forEach(competency -> {
            if (!rates.get(competency).isNumber()) {
                throw MappingException.invalid("rates." + competency, "must be a number");
            }
            if (competency.length() > SHORT || !JsonFields.storable(competency)) {
                throw MappingException.invalid("rates." + competency, "is not a competency code (at most " + SHORT
                        + " characters that can be stored)");
            }
            sorted.put(competency, rate.decimal(competency, RATE_PRECISION, RATE_SCALE).stripTrailingZeros());
        });
        try {
            return RATES_JSON.writeValueAsString(sorted);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rates of plain numbers always serialise", e);
        }
    }
}
