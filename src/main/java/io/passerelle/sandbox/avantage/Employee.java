package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Objects;

/** EMPLOYEE: key {@code number}; {@code email}, {@code trade}, {@code competency} optional. */
public record Employee(String number, String firstName, String lastName, String email, String trade,
                       String competency, boolean active, long modifiedAtMillis) implements AvantageItem {

    public Employee {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.EMPLOYEE;
    }

    @Override
    public String key() {
        return number;
    }

    @Override
    public Employee withModifiedAt(long epochMillis) {
        return new Employee(number, firstName, lastName, email, trade, competency, active, epochMillis);
    }

    public Employee withFirstName(String v) {
        return new Employee(number, v, lastName, email, trade, competency, active, modifiedAtMillis);
    }

    public Employee withLastName(String v) {
        return new Employee(number, firstName, v, email, trade, competency, active, modifiedAtMillis);
    }

    public Employee withEmail(String v) {
        return new Employee(number, firstName, lastName, v, trade, competency, active, modifiedAtMillis);
    }

    public Employee withTrade(String v) {
        return new Employee(number, firstName, lastName, email, v, competency, active, modifiedAtMillis);
    }

    public Employee withCompetency(String v) {
        return new Employee(number, firstName, lastName, email, trade, v, active, modifiedAtMillis);
    }

    public Employee withActive(boolean v) {
        return new Employee(number, firstName, lastName, email, trade, competency, v, modifiedAtMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("number", number);
        g.writeStringField("firstName", firstName);
        g.writeStringField("lastName", lastName);
        AvantageItem.optional(g, "email", email, nullForAbsent);
        AvantageItem.optional(g, "trade", trade, nullForAbsent);
        AvantageItem.optional(g, "competency", competency, nullForAbsent);
        g.writeBooleanField("active", active);
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
