package io.passerelle.erp.avantage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.JsonFields;
import io.passerelle.canonical.MappingException;
import java.util.LinkedHashMap;
import java.util.Map;
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
    /** Writes the rates column: quoted and escaped competencies, plain (never 1E+3) amounts. */
    private static final ObjectMapper RATES_JSON = JsonMapper.builder()
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

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
