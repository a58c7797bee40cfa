package io.passerelle.erp.avantage;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.sync.CanonicalEntity;
import io.passerelle.sync.CanonicalRecord;
import io.passerelle.sync.JsonFields;
import io.passerelle.sync.MappingException;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Avantage LIST items (avantage-maintcp.md §5) to canonical records. Plain Java, no Camel. */
public final class AvantageMappers {

    static final int KEY = 255;
    static final int LABEL = 1000;
    static final int SHORT = 32;
    static final int EMAIL = 320;

    private AvantageMappers() {
    }

    public static CanonicalRecord project(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String number = in.requiredText("number", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("name", in.text("name", LABEL));
        fields.put("status", in.text("status", SHORT));
        fields.put("customer", in.text("customer", KEY));
        return CanonicalRecord.of(CanonicalEntity.PROJECT, number, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord employee(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String number = in.requiredText("number", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("number", number);
        fields.put("firstName", in.text("firstName", KEY));
        fields.put("lastName", in.text("lastName", KEY));
        fields.put("email", in.text("email", EMAIL));
        fields.put("tradeCode", in.text("trade", KEY));
        fields.put("competency", in.text("competency", SHORT));
        fields.put("active", in.bool("active", true));
        return CanonicalRecord.of(CanonicalEntity.EMPLOYEE, number, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord trade(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String code = in.requiredText("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("rates", rates(in.object("rates")));
        return CanonicalRecord.of(CanonicalEntity.TRADE, code, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord activity(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String project = in.requiredText("project", KEY);
        String code = in.requiredText("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("budgetHours", in.decimal("budgetHours"));
        fields.put("budgetAmount", in.decimal("budgetAmount"));
        return CanonicalRecord.of(CanonicalEntity.ACTIVITY, code, project, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord earning(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String code = in.requiredText("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("kind", in.text("kind", SHORT));
        fields.put("unit", in.text("unit", SHORT));
        fields.put("rate", in.decimal("rate"));
        return CanonicalRecord.of(CanonicalEntity.EARNING, code, null, fields, in.instant("modifiedAt"));
    }

    public static CanonicalRecord hourType(JsonNode item) {
        JsonFields in = new JsonFields(item);
        String code = in.requiredText("code", KEY);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("code", code);
        fields.put("description", in.text("description", LABEL));
        fields.put("multiplier", in.decimal("multiplier"));
        return CanonicalRecord.of(CanonicalEntity.HOUR_TYPE, code, null, fields, in.instant("modifiedAt"));
    }

    /** Competency → hourly rate, as sorted JSON so that the same rates always hash the same. */
    static String rates(JsonNode rates) {
        if (rates == null) {
            return null;
        }
        Map<String, BigDecimal> sorted = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = rates.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> rate = it.next();
            if (!rate.getValue().isNumber()) {
                throw MappingException.invalid("rates." + rate.getKey(), "must be a number");
            }
            sorted.put(rate.getKey(), rate.getValue().decimalValue().stripTrailingZeros());
        }
        StringBuilder json = new StringBuilder("{");
        sorted.forEach((competency, rate) -> json.append(json.length() > 1 ? "," : "")
                .append('"').append(competency.replace("\\", "\\\\").replace("\"", "\\\"")).append("\":")
                .append(rate.toPlainString()));
        return json.append('}').toString();
    }
}
