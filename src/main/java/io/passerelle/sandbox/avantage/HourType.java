package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;

/** HOUR_TYPE: key {@code code}; {@code multiplier} applies to the hourly rate. */
public record HourType(String code, String description, BigDecimal multiplier, long modifiedAtMillis)
        implements AvantageItem {

    public HourType {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(multiplier, "multiplier");
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.HOUR_TYPE;
    }

    @Override
    public String key() {
        return code;
    }

    @Override
    public HourType withModifiedAt(long epochMillis) {
        return new HourType(code, description, multiplier, epochMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", code);
        g.writeStringField("description", description);
        g.writeNumberField("multiplier", multiplier);
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
