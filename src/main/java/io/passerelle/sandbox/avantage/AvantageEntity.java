package io.passerelle.sandbox.avantage;

import java.util.Optional;

/** The entities MainTCP {@code LIST} serves, spelled exactly as on the wire. */
public enum AvantageEntity {
    PROJECT,
    EMPLOYEE,
    TRADE,
    ACTIVITY,
    EARNING,
    HOUR_TYPE,
    SUPPLIER,
    PURCHASE_ORDER;

    /** Whether LIST takes {@code project} for this entity: a project's activities, or its purchase orders. */
    public boolean listsByProject() {
        return this == ACTIVITY || this == PURCHASE_ORDER;
    }

    /** Exact, case-sensitive match: the real server does not forgive {@code "project"}. */
    public static Optional<AvantageEntity> fromWire(String name) {
        for (AvantageEntity e : values()) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
