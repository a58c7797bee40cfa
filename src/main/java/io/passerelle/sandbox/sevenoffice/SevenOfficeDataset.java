package io.passerelle.sandbox.sevenoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Fixtures;
import io.passerelle.sandbox.kit.JsonTable;
import io.passerelle.sandbox.kit.ModificationClock;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The organizations behind the 24SevenOffice simulator (next-erps.md §3, seed 003) and their customers, the same on
 * every start: {@value #FJORDBYGG} "Fjordbygg AS" in Bergen with 230 customers and {@value #HAVBRIS} "Havbris
 * Eiendom AS" in Ålesund with 40 (counts and organization details in {@code sandbox/sevenoffice/organizations.json},
 * names in {@code customers.json}). Each organization numbers its customers from {@value #FIRST_CUSTOMER_ID}, so the
 * same id names different customers in the two: a customer is known by (organization, id). Lists run in id order.
 *
 * <p>Shape, as the API's {@code CustomerProperties}: {@code id, name, isCompany, isSupplier, address.visit{street,
 * postalCode, postalArea, countryCode}, email{contact, billing}, phone, createdAt, modifiedAt}; a company also has
 * {@code organizationNumber} (nine digits, mod-11 checked) and no {@code person}; a person has
 * {@code person{firstName, lastName}}, {@code name} "firstName lastName", no {@code organizationNumber}, a
 * {@code null} billing email and sometimes a {@code null} phone. Stamps are written {@code 2026-03-02 10:00:07.000Z}.
 * Every customer whose id ends in 4 or 9 is a person; about one company in eight is also a supplier.
 *
 * <p>What clients trip over, on purpose:
 * <ul>
 *   <li>{@value #EXAMPLE_CUSTOMER} of Fjordbygg is §3's example verbatim, "Bjørnstad Rør AS"; its organization number
 *       {@value #INVALID_ORGANIZATION_NUMBER} fails the mod-11 check, the only one that does.</li>
 *   <li>Names as typed, ending in a blank: {@link #TRAILING_BLANK_NAMES}.</li>
 *   <li>One company entered twice at Fjordbygg ({@link #DUPLICATE_CUSTOMERS}): the same organization number, the
 *       second name with a trailing blank.</li>
 *   <li>Companies without an organization number ({@code null}): {@link #COMPANIES_WITHOUT_NUMBER}.</li>
 *   <li>Æ, ø and å throughout (Sæbø, Østby, Kråkenes, Tromsø...).</li>
 * </ul>
 * Modified since 2026-03-01: 24 customers of Fjordbygg (ids 10001, 10005, 10015, ... 10225), 4 of Havbris.
 *
 * <p>Test hook {@link #modify} changes a field and stamps {@code modifiedAt}; {@link #reset} seeds again.
 * Thread-safe: every record leaves as a copy.
 */
public final class SevenOfficeDataset {

    public static final long FJORDBYGG = 4711;
    public static final long HAVBRIS = 4712;
    public static final long FIRST_CUSTOMER_ID = 10001;
    public static final long EXAMPLE_CUSTOMER = 10001;
    public static final String INVALID_ORGANIZATION_NUMBER = "912345674";
    /** Per organization, the customers whose name ends in a blank. */
    public static final Map<Long, List<Long>> TRAILING_BLANK_NAMES = Map.of(
            FJORDBYGG, List.of(10018L, 10060L, 10101L, 10142L, 10150L, 10183L),
            HAVBRIS, List.of(10023L));
    /** Fjordbygg's company entered twice: the second is the first's name plus a blank, with its number. */
    public static final List<Long> DUPLICATE_CUSTOMERS = List.of(10027L, 10150L);
    /** Fjordbygg's companies whose organization number is null. */
    public static final List<Long> COMPANIES_WITHOUT_NUMBER = List.of(10077L, 10201L);

    private static final String ERP = "sevenoffice";
    private static final Instant MARCH = Instant.parse("2026-03-01T07:00:00Z");
    private static final Instant YEAR_BEFORE = Instant.parse("2025-01-06T08:00:00Z");
    /** What {@link #modify} may not change: identity, kind and stamps. */
    private static final Set<String> FIXED_FIELDS = Set.of("id", "isCompany", "createdAt", "modifiedAt");

    private final ModificationClock stamps;
    private final JsonNode names = Fixtures.load(ERP, "customers");
    private final List<ObjectNode> organizationRows = Fixtures.items(ERP, "organizations");
    private final Map<Long, ObjectNode> organizations = new LinkedHashMap<>();
    private final Map<Long, JsonTable<Long>> customers = new LinkedHashMap<>();

    public SevenOfficeDataset(Clock clock) {
        this.stamps = new ModificationClock(clock);
        seed();
    }

    // ---- reads ----------------------------------------------------------------------------------------

    /** The organizations' ids, {@value #FJORDBYGG} first. */
    public synchronized List<Long> organizationIds() {
        return List.copyOf(organizations.keySet());
    }

    /** What {@code GET /v1/organization/information} answers for this organization, copied; null when unknown. */
    public synchronized ObjectNode organization(long organizationId) {
        ObjectNode o = organizations.get(organizationId);
        return o == null ? null : o.deepCopy();
    }

    /** The organization's customers in id order, copied; empty for an unknown organization. */
    public synchronized List<ObjectNode> customers(long organizationId) {
        return customers(organizationId, c -> true);
    }

    /** The customers the filter keeps, in id order, copied. */
    public synchronized List<ObjectNode> customers(long organizationId, Predicate<JsonNode> filter) {
        JsonTable<Long> table = customers.get(organizationId);
        List<ObjectNode> out = new ArrayList<>();
        if (table != null) {
            for (ObjectNode c : table.values()) {
                if (filter.test(c)) {
                    out.add(c.deepCopy());
                }
            }
        }
        return out;
    }

    /** One customer, copied, or null. */
    public synchronized ObjectNode customer(long organizationId, long customerId) {
        JsonTable<Long> table = customers.get(organizationId);
        ObjectNode c = table == null ? null : table.get(customerId);
        return c == null ? null : c.deepCopy();
    }

    /** Customers per organization, for the start-up log and tests. */
    public synchronized Map<Long, Integer> counts() {
        Map<Long, Integer> out = new LinkedHashMap<>();
        customers.forEach((organization, table) -> out.put(organization, table.size()));
        return out;
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    /**
     * Sets a field of a customer and stamps {@code modifiedAt}; answers the new stamp. The field is a name or a
     * dotted path to one that exists: {@code name}, {@code organizationNumber}, {@code phone}, {@code email.contact},
     * {@code address.visit.street}, {@code person.lastName} (the name follows, as 24SevenOffice makes it from the
     * person's), {@code isSupplier} ("true" or "false"). A null value clears a text field.
     */
    public synchronized Instant modify(long organizationId, long customerId, String field, String value) {
        JsonTable<Long> table = customers.get(organizationId);
        ObjectNode customer = table == null ? null : table.get(customerId);
        if (customer == null) {
            throw new IllegalArgumentException("no customer " + customerId + " in organization " + organizationId);
        }
        String[] path = field.split("\\.");
        if (FIXED_FIELDS.contains(path[0])) {
            throw new IllegalArgumentException("the field " + field + " cannot be modified");
        }
        ObjectNode parent = customer;
        for (int i = 0; i < path.length - 1; i++) {
            if (!(parent.get(path[i]) instanceof ObjectNode child)) {
                throw new IllegalArgumentException("the customer has no field " + field);
            }
            parent = child;
        }
        String last = path[path.length - 1];
        JsonNode current = parent.get(last);
        if (current == null || current.isContainerNode()) {
            throw new IllegalArgumentException("the field " + field + " cannot be modified");
        }
        if (current.isBoolean()) {
            if (!"true".equals(value) && !"false".equals(value)) {
                throw new IllegalArgumentException("the field " + field + " takes true or false");
            }
            parent.put(last, Boolean.parseBoolean(value));
        } else {
            parent.put(last, value);
        }
        if (path[0].equals("person")) {
            customer.put("name", customer.path("person").path("firstName").asText("") + " "
                    + customer.path("person").path("lastName").asText(""));
        }
        Instant now = stamps.nextInstant();
        customer.put("modifiedAt", Timestamps.format(now));
        return now;
    }

    /** Back to the seeded data; stamps given later still come after every earlier one. */
    public synchronized void reset() {
        organizations.clear();
        customers.clear();
        seed();
    }

    // ---- seeding --------------------------------------------------------------------------------------

    private void seed() {
        int salt = 0;
        for (ObjectNode row : organizationRows) {
            ObjectNode information = (ObjectNode) row.path("information").deepCopy();
            long id = information.path("id").asLong();
            organizations.put(id, information);
            JsonTable<Long> table = new JsonTable<>(c -> c.path("id").asLong(), c -> c.path("id").asText());
            new Seeder(id, salt++, table).run(row.path("customers").asInt());
            customers.put(id, table);
        }
    }

    /** One organization's customers. */
    private final class Seeder {

        private final long organizationId;
        private final int salt;
        private final JsonTable<Long> table;
        private final Set<String> companyNames = new HashSet<>();
        private final Set<String> numbers = new HashSet<>();

        Seeder(long organizationId, int salt, JsonTable<Long> table) {
            this.organizationId = organizationId;
            this.salt = salt;
            this.table = table;
            numbers.add(INVALID_ORGANIZATION_NUMBER);
        }

        void run(int count) {
            for (int i = 0; i < count; i++) {
                long id = FIRST_CUSTOMER_ID + i;
                ObjectNode customer;
                if (organizationId == FJORDBYGG && id == EXAMPLE_CUSTOMER) {
                    customer = names.path("example").deepCopy();
                } else if (organizationId == FJORDBYGG && id == DUPLICATE_CUSTOMERS.get(1)) {
                    customer = duplicate(table.get(DUPLICATE_CUSTOMERS.get(0)), id, i);
                } else if (i % 5 == 3) {
                    customer = person(id, i);
                } else {
                    customer = company(id, i);
                }
                stamps.observe(Timestamps.parseStored(customer.path("modifiedAt").asText()).toEpochMilli());
                table.put(customer);
            }
        }

        private ObjectNode company(long id, int i) {
            JsonNode stems = names.path("companyStems");
            JsonNode activities = names.path("activities");
            JsonNode forms = names.path("legalForms");
            String stem = stems.get((i * 7 + salt * 3) % stems.size()).asText();
            String form = forms.get((i * 3 + salt) % forms.size()).asText();
            int activity = (i * 3 + i / stems.size() + salt * 5) % activities.size();
            String trade = stem + " " + activities.get(activity).asText();
            while (!companyNames.add(trade)) {
                activity = (activity + 1) % activities.size();
                trade = stem + " " + activities.get(activity).asText();
            }
            boolean trailingBlank = TRAILING_BLANK_NAMES.getOrDefault(organizationId, List.of()).contains(id);
            ObjectNode c = SimulatorJson.HTTP.createObjectNode();
            c.put("id", id);
            c.put("name", trade + " " + form + (trailingBlank ? " " : ""));
            c.put("isCompany", true);
            c.put("isSupplier", i % 8 == 6);
            boolean numbered = !(organizationId == FJORDBYGG && COMPANIES_WITHOUT_NUMBER.contains(id));
            c.put("organizationNumber", numbered ? organizationNumber(i) : null);
            c.set("address", address(i));
            String domain = slug(trade) + ".no";
            c.putObject("email").put("contact", "post@" + domain).put("billing", "faktura@" + domain);
            c.put("phone", String.format("+47-%d%07d", 2 + i % 6, (i * 7_919L + salt * 104_729L) % 10_000_000));
            stamp(c, i);
            return c;
        }

        /** The company entered a second time: its name with a blank after it, its number, another address. */
        private ObjectNode duplicate(ObjectNode first, long id, int i) {
            ObjectNode c = first.deepCopy();
            c.put("id", id);
            c.put("name", first.path("name").asText() + " ");
            c.set("address", address(i));
            stamp(c, i);
            return c;
        }

        private ObjectNode person(long id, int i) {
            JsonNode first = names.path("firstNames");
            JsonNode last = names.path("lastNames");
            JsonNode providers = names.path("emailProviders");
            String firstName = first.get((i * 7 + salt * 11) % first.size()).asText();
            String lastName = last.get((i * 11 + i / last.size() + salt * 7) % last.size()).asText();
            ObjectNode p = SimulatorJson.HTTP.createObjectNode();
            p.put("id", id);
            p.put("name", firstName + " " + lastName);
            p.putObject("person").put("firstName", firstName).put("lastName", lastName);
            p.put("isCompany", false);
            p.put("isSupplier", false);
            p.set("address", address(i));
            p.putObject("email").put("contact", slug(firstName) + "." + slug(lastName) + "@"
                    + providers.get(i % providers.size()).asText()).putNull("billing");
            p.put("phone", i % 7 == 0 ? null : String.format("+47-9%07d", (i * 15_485_863L + salt) % 10_000_000));
            stamp(p, i);
            return p;
        }

        private ObjectNode address(int i) {
            JsonNode streets = names.path("streets");
            JsonNode places = names.path("places");
            JsonNode place = places.get((i * 5 + salt * 3) % places.size());
            ObjectNode visit = SimulatorJson.HTTP.createObjectNode();
            visit.put("street", streets.get((i * 3 + salt) % streets.size()).asText() + " " + (1 + (i * 7 + salt) % 58));
            visit.put("postalCode", place.path("postalCode").asText());
            visit.put("postalArea", place.path("postalArea").asText());
            visit.put("countryCode", "NO");
            ObjectNode address = SimulatorJson.HTTP.createObjectNode();
            address.set("visit", visit);
            return address;
        }

        /** Distinct within the organization, valid, drawn from 81 000 000 on. */
        private String organizationNumber(int i) {
            long firstEight = 81_000_000L + ((i + salt * 1_000L) * 7_919_993L) % 18_999_999L;
            while (true) {
                String number = OrganizationNumbers.withCheckDigit(firstEight);
                if (number != null && numbers.add(number)) {
                    return number;
                }
                firstEight = firstEight >= 99_999_999L ? 80_000_000L : firstEight + 1;
            }
        }

        /** One customer in ten changed on 1 March 2026 (from 07:00, five minutes apart), the rest during 2025. */
        private void stamp(ObjectNode customer, int i) {
            Instant modified = i % 10 == 4
                    ? MARCH.plus(Duration.ofMinutes(5L * i + salt))
                    : YEAR_BEFORE.plus(Duration.ofDays((i * 37L + salt) % 400)).plus(Duration.ofMinutes((i * 97L) % 600))
                            .plusSeconds((i * 17L) % 60);
            Instant created = modified.minus(Duration.ofDays(1 + (i * 53L + salt) % 1500))
                    .minus(Duration.ofMinutes((i * 31L) % 300));
            customer.put("createdAt", Timestamps.format(created));
            customer.put("modifiedAt", Timestamps.format(modified));
        }
    }

    /** As a web domain: lower case, æ ø å folded to ae o a, other marks dropped, nothing but letters and digits. */
    static String slug(String text) {
        String folded = text.toLowerCase(Locale.ROOT).replace("æ", "ae").replace("ø", "o").replace("å", "a");
        return Normalizer.normalize(folded, Normalizer.Form.NFD).replaceAll("[^a-z0-9]", "");
    }
}
