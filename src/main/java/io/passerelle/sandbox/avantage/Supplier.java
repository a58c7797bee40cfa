package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Objects;

/** SUPPLIER: key {@code code}; {@code email}, {@code phone} and {@code address} optional. */
public record Supplier(String code, String name, Status status, String email, String phone, Address address,
                       long modifiedAtMillis) implements AvantageItem {

    public enum Status { ACTIVE, INACTIVE }

    /** Where the supplier is; every part given (a supplier without an address has none at all). */
    public record Address(String street, String city, String province, String postalCode) {

        public Address {
            Objects.requireNonNull(street, "street");
            Objects.requireNonNull(city, "city");
            Objects.requireNonNull(province, "province");
            Objects.requireNonNull(postalCode, "postalCode");
        }
    }

    public Supplier {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.SUPPLIER;
    }

    @Override
    public String key() {
        return code;
    }

    @Override
    public Supplier withModifiedAt(long epochMillis) {
        return new Supplier(code, name, status, email, phone, address, epochMillis);
    }

    public Supplier withName(String v) {
        return new Supplier(code, v, status, email, phone, address, modifiedAtMillis);
    }

    public Supplier withStatus(Status v) {
        return new Supplier(code, name, v, email, phone, address, modifiedAtMillis);
    }

    public Supplier withPhone(String v) {
        return new Supplier(code, name, status, email, v, address, modifiedAtMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("code", code);
        g.writeStringField("name", name);
        g.writeStringField("status", status.name());
        AvantageItem.optional(g, "email", email, nullForAbsent);
        AvantageItem.optional(g, "phone", phone, nullForAbsent);
        if (address != null) {
            g.writeObjectFieldStart("address");
            g.writeStringField("street", address.street());
            g.writeStringField("city", address.city());
            g.writeStringField("province", address.province());
            g.writeStringField("postalCode", address.postalCode());
            g.writeEndObject();
        } else if (nullForAbsent) {
            g.writeNullField("address");
        }
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
