package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * PURCHASE_ORDER (bon de commande): key {@code number}; it names its supplier and its project, and holds its lines.
 * LIST filters it by {@code project}, as it does activities.
 */
public record PurchaseOrder(String number, String supplier, String project, LocalDate date, Status status,
                            List<Line> lines, long modifiedAtMillis) implements AvantageItem {

    public enum Status { OPEN, RECEIVED, CLOSED, CANCELLED }

    /** One line: {@code activity} (a budget activity of the order's project) optional. */
    public record Line(int line, String activity, String description, BigDecimal quantity, BigDecimal unitCost,
                       BigDecimal amount) {

        public Line {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(quantity, "quantity");
            Objects.requireNonNull(unitCost, "unitCost");
            Objects.requireNonNull(amount, "amount");
        }

        /** A line whose amount is its quantity times its unit cost, to the cent, as Avantage computes it. */
        public static Line priced(int line, String activity, String description, BigDecimal quantity,
                                  BigDecimal unitCost) {
            return new Line(line, activity, description, quantity, unitCost,
                    quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP));
        }

        public Line withQuantity(BigDecimal v) {
            return priced(line, activity, description, v, unitCost);
        }
    }

    public PurchaseOrder {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(supplier, "supplier");
        Objects.requireNonNull(project, "project");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
    }

    @Override
    public AvantageEntity entity() {
        return AvantageEntity.PURCHASE_ORDER;
    }

    @Override
    public String key() {
        return number;
    }

    @Override
    public PurchaseOrder withModifiedAt(long epochMillis) {
        return new PurchaseOrder(number, supplier, project, date, status, lines, epochMillis);
    }

    public PurchaseOrder withStatus(Status v) {
        return new PurchaseOrder(number, supplier, project, date, v, lines, modifiedAtMillis);
    }

    /** The same order with line number {@code line} changed; every other line as it was. */
    public PurchaseOrder withLine(int line, UnaryOperator<Line> change) {
        List<Line> changed = new ArrayList<>(lines.size());
        boolean found = false;
        for (Line each : lines) {
            if (each.line() == line) {
                changed.add(change.apply(each));
                found = true;
            } else {
                changed.add(each);
            }
        }
        if (!found) {
            throw new IllegalArgumentException("purchase order " + number + " has no line " + line);
        }
        return new PurchaseOrder(number, supplier, project, date, status, changed, modifiedAtMillis);
    }

    @Override
    public void write(JsonGenerator g, boolean nullForAbsent) throws IOException {
        g.writeStartObject();
        g.writeStringField("number", number);
        g.writeStringField("supplier", supplier);
        g.writeStringField("project", project);
        g.writeStringField("date", date.toString());
        g.writeStringField("status", status.name());
        g.writeArrayFieldStart("lines");
        for (Line l : lines) {
            g.writeStartObject();
            g.writeNumberField("line", l.line());
            AvantageItem.optional(g, "activity", l.activity(), nullForAbsent);
            g.writeStringField("description", l.description());
            g.writeNumberField("quantity", l.quantity());
            g.writeNumberField("unitCost", l.unitCost());
            g.writeNumberField("amount", l.amount());
            g.writeEndObject();
        }
        g.writeEndArray();
        AvantageItem.modifiedAt(g, modifiedAtMillis);
        g.writeEndObject();
    }
}
