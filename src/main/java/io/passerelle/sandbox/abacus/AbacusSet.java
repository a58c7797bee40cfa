package io.passerelle.sandbox.abacus;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** The entity sets the simulator serves, with the scope that reads each and the properties it indexes. */
public enum AbacusSet {

    Employees("abacus.entity.employee.read", "ModificationDate"),
    Projects("abacus.entity.project.read", "ChangeInformation/ChangedOn"),
    ServiceCodes("abacus.entity.projectbase.read", "ChangeInformation/ChangedOn"),
    ProjectBookings("abacus.entity.projectbooking.read", null);

    static final String BOOKING_WRITE_SCOPE = "abacus.entity.projectbooking.readwrite";

    final String readScope;
    /** The property that moves when a record changes; null for bookings, which are only written. */
    final String timestamp;

    AbacusSet(String readScope, String timestamp) {
        this.readScope = readScope;
        this.timestamp = timestamp;
    }

    static Optional<AbacusSet> byName(String name) {
        return Arrays.stream(values()).filter(s -> s.name().equals(name)).findFirst();
    }

    /** What {@code $filter} may compare: the key, and the timestamp where there is one. */
    Map<String, ODataFilter.Kind> indexed() {
        if (this == ProjectBookings) {
            return Map.of("Id", ODataFilter.Kind.UUID);
        }
        return Map.of("Id", ODataFilter.Kind.NUMBER, timestamp, ODataFilter.Kind.DATE_TIME);
    }
}
