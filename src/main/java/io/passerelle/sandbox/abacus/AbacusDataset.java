package io.passerelle.sandbox.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Fixtures;
import io.passerelle.sandbox.kit.JsonTable;
import io.passerelle.sandbox.kit.ModificationClock;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The mandant's data: a Swiss construction company of {@value #EMPLOYEES} employees with German and French names,
 * 25 projects and 12 service codes (one inactive), the same on every start, spelled as Abacus stores it (some
 * codes end in a blank or a no-break space); and the project bookings written to it. Thread-safe: every record
 * leaves as a copy.
 */
public final class AbacusDataset {

    static final int EMPLOYEES = 120;
    private static final String ERP = "abacus";
    private static final Instant EMPLOYEES_STAMPED = Instant.parse("2026-03-02T06:00:00Z");
    private static final Instant PROJECTS_CREATED = Instant.parse("2025-11-03T07:30:00Z");
    private static final Instant PROJECTS_STAMPED = Instant.parse("2026-02-20T09:00:00Z");
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1961, 1, 1);
    private static final String ADMINISTRATOR = "Administrator";

    private final Map<AbacusSet, JsonTable<Long>> tables = new EnumMap<>(AbacusSet.class);
    private final JsonTable<String> bookings = new JsonTable<>(b -> b.path("Id").asText(), b -> null);
    private final ModificationClock stamps;
    private long lastBookingNumber;

    public AbacusDataset(Clock clock) {
        this.stamps = new ModificationClock(clock);
        for (AbacusSet set : List.of(AbacusSet.Employees, AbacusSet.Projects, AbacusSet.ServiceCodes)) {
            tables.put(set, new JsonTable<>(r -> r.path("Id").asLong(), r -> r.path("Id").asText()));
        }
        seedEmployees();
        seedProjects();
        seedServiceCodes();
    }

    private void seedEmployees() {
        addEmployees(EMPLOYEES);
    }

    /** {@code n} more employees after the last one, made as the seeded ones are (a benchmark's, a paging test's). */
    public synchronized void addEmployees(int n) {
        JsonNode names = Fixtures.load(ERP, "employee-names");
        JsonNode first = names.path("firstNames");
        JsonNode last = names.path("lastNames");
        int from = tables.get(AbacusSet.Employees).size();
        for (int i = from; i < from + n; i++) {
            JsonNode person = first.get(i % first.size());
            long id = 1001 + i;
            ObjectNode e = SimulatorJson.HTTP.createObjectNode();
            e.put("Id", id);
            e.put("FirstName", person.path("name").asText());
            // one surname ends in a blank, as a hand-typed Abacus record can
            e.put("LastName", last.get((i * 7 + i / first.size()) % last.size()).asText() + (i == 7 ? " " : ""));
            e.put("BadgeId", "B" + id);
            e.put("BadgeIdTimeRecording", "AC-" + id + (i % 10 == 0 ? " " : i % 17 == 0 ? "\u00a0" : ""));
            e.put("Sex", person.path("sex").asText());
            e.put("DateOfBirth", OLDEST_BIRTH.plusDays((i * 379L) % 14_000).toString());
            e.put("Language", person.path("language").asText());
            e.put("ModificationDate", stamp(EMPLOYEES_STAMPED.plus(Duration.ofMinutes(7L * i))));
            e.put("ModifiedBy", ADMINISTRATOR);
            e.put("SubjectId", 50_000 + id);
            tables.get(AbacusSet.Employees).put(e);
        }
    }

    private void seedProjects() {
        int i = 0;
        for (ObjectNode p : Fixtures.items(ERP, "projects")) {
            p.set("ChangeInformation", changeInformation(PROJECTS_CREATED.plus(Duration.ofDays(i)),
                    PROJECTS_STAMPED.plus(Duration.ofHours(3L * i))));
            tables.get(AbacusSet.Projects).put(p);
            i++;
        }
    }

    private void seedServiceCodes() {
        int i = 0;
        for (ObjectNode row : Fixtures.items(ERP, "service-codes")) {
            ObjectNode s = SimulatorJson.HTTP.createObjectNode();
            s.set("Id", row.get("Id"));
            s.set("ServiceCode2", row.get("ServiceCode2"));
            s.set("Inactive", row.get("Inactive"));
            s.set("ServiceCategoryId", row.get("ServiceCategoryId"));
            ArrayNode descriptions = s.putArray("Descriptions");
            for (String language : List.of("de", "fr")) {
                descriptions.addObject().put("Language", language).put("Text", row.path(language).asText());
            }
            s.set("ChangeInformation", changeInformation(PROJECTS_CREATED, PROJECTS_STAMPED.plus(Duration.ofMinutes(11L * i))));
            tables.get(AbacusSet.ServiceCodes).put(s);
            i++;
        }
    }

    private ObjectNode changeInformation(Instant created, Instant changed) {
        ObjectNode c = SimulatorJson.HTTP.createObjectNode();
        c.put("CreatedBy", ADMINISTRATOR);
        c.put("CreatedOn", stamp(created));
        c.put("ChangedBy", ADMINISTRATOR);
        c.put("ChangedOn", stamp(changed));
        return c;
    }

    /** Seeded stamps are observed, so that a later change is stamped after every one of them. */
    private String stamp(Instant instant) {
        stamps.observe(instant.toEpochMilli());
        return instant.toString();
    }

    // ---- reads ----------------------------------------------------------------------------------------

    /** The set's records the filter keeps, in Id order, copied. */
    public synchronized List<ObjectNode> list(AbacusSet set, Predicate<JsonNode> filter) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : table(set).values()) {
            if (filter.test(r)) {
                out.add(r.deepCopy());
            }
        }
        return out;
    }

    /** The record with this Id, copied, or null. */
    public synchronized ObjectNode get(AbacusSet set, long id) {
        ObjectNode r = tables.get(set).get(id);
        return r == null ? null : r.deepCopy();
    }

    public synchronized ObjectNode booking(String id) {
        ObjectNode b = bookings.get(id.toLowerCase(Locale.ROOT));
        return b == null ? null : b.deepCopy();
    }

    /** Every booking stored, in Id order, copied: what a test asserts a connector sent. */
    public synchronized List<ObjectNode> bookings() {
        return list(AbacusSet.ProjectBookings, r -> true);
    }

    /** Records per set, for the start-up log and tests. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        tables.forEach((set, table) -> out.put(set.name(), table.size()));
        out.put(AbacusSet.ProjectBookings.name(), bookings.size());
        return out;
    }

    synchronized boolean isActive(AbacusSet set, long id) {
        ObjectNode r = tables.get(set).get(id);
        return r != null && !r.path("IsInactive").asBoolean(false) && !r.path("Inactive").asBoolean(false);
    }

    // ---- writes ---------------------------------------------------------------------------------------

    /** Stamps the record as changed now (nothing else changes) and answers the new stamp. */
    public synchronized Instant touch(AbacusSet set, long id) {
        return modify(set, id, r -> { });
    }

    /** Sets a text field of the record (e.g. a trailing blank added) and stamps it as changed. */
    public synchronized Instant modify(AbacusSet set, long id, String field, String value) {
        return modify(set, id, r -> r.put(field, value));
    }

    /** Sets a flag of the record (e.g. {@code IsInactive}) and stamps it as changed. */
    public synchronized Instant modify(AbacusSet set, long id, String field, boolean value) {
        return modify(set, id, r -> r.put(field, value));
    }

    private Instant modify(AbacusSet set, long id, java.util.function.Consumer<ObjectNode> change) {
        ObjectNode r = tables.get(Objects.requireNonNull(set, "set")).get(id);
        if (r == null || set.timestamp == null) {
            throw new IllegalArgumentException("no " + set + " record " + id);
        }
        change.accept(r);
        Instant now = stamps.nextInstant();
        if (set == AbacusSet.Employees) {
            r.put("ModificationDate", now.toString());
        } else {
            ((ObjectNode) r.path("ChangeInformation")).put("ChangedOn", now.toString());
        }
        return now;
    }

    /**
     * Stores a validated booking with the next {@code Number}, unless one with its Id exists: then answers null and
     * keeps the first, whatever the new body says.
     */
    synchronized ObjectNode storeBooking(ObjectNode booking) {
        String id = booking.path("Id").asText();
        if (bookings.containsKey(id)) {
            return null;
        }
        booking.put("Number", ++lastBookingNumber);
        bookings.put(booking);
        return booking.deepCopy();
    }

    private JsonTable<? extends Comparable<?>> table(AbacusSet set) {
        return set == AbacusSet.ProjectBookings ? bookings : tables.get(set);
    }
}
