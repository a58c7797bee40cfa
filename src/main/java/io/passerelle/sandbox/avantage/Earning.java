package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;

/** EARNING (additional earnings: expenses, premiums, allowances): key {@code code}; {@code rate} optional. */
public record Earning(String code, String description, Kind kind, Unit unit, BigDecimal rate, long modifiedAtMillis)
        implements AvantageItem {

    public enum Kind { EXPENSE, PREMIUM, ALLOWANCE }

    public enum Unit { KM, HOUR, AMOUNT, UNIT }

    public Earning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.EARNING;
    }

    @Override
    public String key() {
        return code;
    }

    @Override
    public Earning withModifiedAt(long epochMillis) {
        return new Earning(code, description, kind, unit, rate, epochMillis);
    }

    public Earning withRate(BigDecimal v) {
        return new Earning(code, description, kind, unit, v, modifiedAtMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", code);
        g.writeStringField("description", description);
        g.writeStringField("kind", kind.name());
        g.writeStringField("unit", unit.name());
        if (rate != null) {
            g.writeNumberField("rate", rate);
        } else if (nullForAbsent) {
            g.writeNullField("rate");
        }
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
