package io.passerelle.sandbox.avantage;

import java.util.Optional;

/** The entities MainTCP {@code LIST} serves, spelled exactly as on the wire. */
public enum AvantageEntity {
    PROJECT,
    EMPLOYEE,
    TRADE,
    ACTIVITY,
    EARNING,
    HOUR_TYPE;

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
