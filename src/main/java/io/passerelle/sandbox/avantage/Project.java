package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Objects;

/** PROJECT: key {@code number}; {@code customer} optional. */
public record Project(String number, String name, Status status, String customer, long modifiedAtMillis)
        implements AvantageItem {

    public enum Status { ACTIVE, CLOSED }

    public Project {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.PROJECT;
    }

    @Override
    public String key() {
        return number;
    }

    @Override
    public Project withModifiedAt(long epochMillis) {
        return new Project(number, name, status, customer, epochMillis);
    }

    public Project withName(String newName) {
        return new Project(number, newName, status, customer, modifiedAtMillis);
    }

    public Project withStatus(Status newStatus) {
        return new Project(number, name, newStatus, customer, modifiedAtMillis);
    }

    public Project withCustomer(String newCustomer) {
        return new Project(number, name, status, newCustomer, modifiedAtMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("number", number);
        g.writeStringField("name", name);
        g.writeStringField("status", status.name());
        AvantageItem.optional(g, "customer", customer, nullForAbsent);
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
