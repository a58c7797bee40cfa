package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Objects;

/** ACTIVITY (budget activity of a project): key {@code project} + {@code code}. */
public record Activity(String project, String code, String description, BigDecimal budgetHours,
                       BigDecimal budgetAmount, long modifiedAtMillis) implements AvantageItem {

    public Activity {
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(budgetHours, "budgetHours");
        Objects.requireNonNull(budgetAmount, "budgetAmount");
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.ACTIVITY;
    }

    @Override
    public String key() {
        return project;
    }

    @Override
    public String subKey() {
        return code;
    }

    @Override
    public String id() {
        return id(project, code);
    }

    static String id(String project, String code) {
        // NUL cannot occur in Avantage codes, so the pair cannot collide
        return project + '\u0000' + code;
    }

    @Override
    public Activity withModifiedAt(long epochMillis) {
        return new Activity(project, code, description, budgetHours, budgetAmount, epochMillis);
    }

    public Activity withDescription(String v) {
        return new Activity(project, code, v, budgetHours, budgetAmount, modifiedAtMillis);
    }

    public Activity withBudget(BigDecimal hours, BigDecimal amount) {
        return new Activity(project, code, description, hours, amount, modifiedAtMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("project", project);
        g.writeStringField("code", code);
        g.writeStringField("description", description);
        g.writeNumberField("budgetHours", budgetHours);
        g.writeNumberField("budgetAmount", budgetAmount);
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
