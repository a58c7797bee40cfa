package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** TRADE: key {@code code}; {@code rates} maps competency to hourly rate. */
public record Trade(String code, String description, Map<String, BigDecimal> rates, long modifiedAtMillis)
        implements AvantageItem {

    public Trade {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        rates = Collections.unmodifiableMap(new LinkedHashMap<>(rates));
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.TRADE;
    }

    @Override
    public String key() {
        return code;
    }

    @Override
    public Trade withModifiedAt(long epochMillis) {
        return new Trade(code, description, rates, epochMillis);
    }

    public Trade withDescription(String v) {
        return new Trade(code, v, rates, modifiedAtMillis);
    }

    public Trade withRates(Map<String, BigDecimal> v) {
        return new Trade(code, description, v, modifiedAtMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", code);
        g.writeStringField("description", description);
        g.writeObjectFieldStart("rates");
        for (Map.Entry<String, BigDecimal> rate : rates.entrySet()) {
            g.writeNumberField(rate.getKey(), rate.getValue());
        }
        g.writeEndObject();
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
