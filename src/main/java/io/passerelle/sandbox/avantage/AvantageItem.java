package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Instant;

/** One record of a LIST-able entity. Immutable: a change is a new instance with a later modifiedAt. */
public sealed interface AvantageItem extends Ordered
        permits Project, Employee, Trade, Activity, Earning, HourType, Supplier, PurchaseOrder {

    AvantageEntity entity();

    default Instant modifiedAt() {
        return Instant.ofEpochMilli(modifiedAtMillis());
    }

    @Override
    default String subKey() {
        return "";
    }

    /** The identity used for look-ups and upserts. */
    default String id() {
        return key();
    }

    AvantageItem withModifiedAt(long epochMillis);

    /** Writes the wire JSON object. {@code nullForAbsent} chooses between omitting and nulling optional fields. */
    void write(JsonGenerator g, boolean nullForAbsent) throws IOException;

    static void optional(JsonGenerator g, String field, String value, boolean nullForAbsent) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        } else if (nullForAbsent) {
            g.writeNullField(field);
        }
    }

    static void modifiedAt(JsonGenerator g, long epochMillis) throws IOException {
        g.writeStringField("modifiedAt", Instant.ofEpochMilli(epochMillis).toString());
    }
}
