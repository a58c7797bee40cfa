package io.passerelle.sandbox.adminpulse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.sandbox.kit.Fixtures;
import io.passerelle.sandbox.kit.JsonTable;
import io.passerelle.sandbox.kit.ModificationClock;
import io.passerelle.sandbox.kit.SimulatorJson;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The accounting office's relations in AdminPulse (next-erps.md §2, seed 004): {@value #CLIENT_COMPANIES} Belgian
 * client companies with Dutch and French names ({@code APR00001}–{@code APR00120}), four audit firms
 * ({@code APR00121}–{@code APR00124}), and the persons linked to them as directors, shareholders and contact persons
 * ({@code APR00301} on), the same on every start. Every linked relation is also a relation of its own. Ids are
 * UUIDs derived from the unique identifier ({@link #relationId}); lists run in id order.
 *
 * <p>Shape: every relation carries the same fields, null where they do not apply (a person has no
 * {@code companyName}, {@code vatNumber}, {@code generalAssemblyDate}; a company no {@code firstName}; an audit
 * firm's {@code name} holds its legal form, as its {@code companyName} does); a person's
 * {@code linkedRelations} is empty. Every linked entry carries {@code role, relationId, uniqueIdentifier, type, name,
 * firstName, lastName, startDate, endDate, sharePercentage, shares, permanentRepresentative}: dates {@code yyyy-MM-dd},
 * {@code endDate} null while the mandate runs; {@code sharePercentage} and {@code shares} only on shareholders;
 * {@code permanentRepresentative} only on a company that is a director, as {@code {"relationId", "name"}} of a person
 * who is also a relation. The names in linked entries are the linked relations' current ones.
 *
 * <p>What clients trip over, on purpose (unique identifiers; ids from {@link #relationId}):
 * <ul>
 *   <li>{@value #EXAMPLE_COMPANY} "Bakkerij Janssens BV" is §2's example (director and 60 % shareholder Jan Peeters
 *       {@code APR00301} since 2021-06-08, 40 % Hanne Janssens, auditor Van Dijck &amp; Co, contact Sofie Maes); its
 *       enterprise number {@value #INVALID_NUMBER_DIGITS} fails the mod-97 check (the valid one ends in 30): the only
 *       company whose number is invalid ({@link #INVALID_ENTERPRISE_NUMBER}).</li>
 *   <li>The same person twice, two relation ids, names differing only in spacing, case or a no-break space
 *       ({@link #DUPLICATE_PERSON_COMPANIES}): APR00023 has director "jan  peeters" {@code APR00302} and shareholder
 *       "Jan Peeters" {@code APR00301}; APR00031 has directors "Marie-Claire Dubois" {@code APR00305} and
 *       "Marie-Claire DUBOIS" {@code APR00306}; APR00044's director is "Luc Van den Broeck" {@code APR00307},
 *       APR00052's "Luc Van&#92;u00a0den Broeck" {@code APR00308}.</li>
 *   <li>A management company as director with its permanent representative ({@link #MANAGEMENT_COMPANY_DIRECTED}):
 *       APR00061 by Verbruggen Management BV APR00060 (Raf Verbruggen {@code APR00309}), APR00076 by Gillet Consult SRL
 *       APR00075 (Sylvie Gillet {@code APR00310}), APR00091 by Hermans Invest BV APR00090 (Bram Hermans
 *       {@code APR00312}). The management companies also hold shares in them.</li>
 *   <li>No general assembly date ({@code null}): {@link #MISSING_GENERAL_ASSEMBLY_DATE}.</li>
 *   <li>Shareholders not adding up to 100 %: APR00048 (60 + 30) and APR00083 (60 + 50), {@link #SHARES_NOT_100}.</li>
 *   <li>A no-break space before the legal form of APR00038's {@code companyName} ({@link #NBSP_COMPANY_NAME}), and
 *       accents throughout (Zoë, Joëlle, Lefèvre, Müller, Brüls, Crèvecœur, Électricité...).</li>
 * </ul>
 * Not traps but ordinary: directors whose mandate ended ({@code endDate} in the past, e.g. APR00004, APR00091);
 * persons directing two companies (e.g. APR00006 and APR00011); 33.33/33.33/33.34 splits; auditors only on some.
 *
 * <p>Test hooks change a board ({@link #removeDirector}, {@link #addDirector}) or a field ({@link #modify}), each
 * stamping {@code lastModified}; {@link #reset} seeds again. Thread-safe: every relation leaves as a copy.
 */
public final class AdminPulseDataset {

    public static final int CLIENT_COMPANIES = 120;
    public static final String EXAMPLE_COMPANY = "APR00017";
    public static final String INVALID_ENTERPRISE_NUMBER = EXAMPLE_COMPANY;
    public static final String INVALID_NUMBER_DIGITS = "0712345678";
    public static final List<String> DUPLICATE_PERSON_COMPANIES = List.of("APR00023", "APR00031", "APR00044",
            "APR00052");
    /** Pairs of person relations that are one person. */
    public static final List<List<String>> DUPLICATE_PERSONS = List.of(List.of("APR00301", "APR00302"),
            List.of("APR00305", "APR00306"), List.of("APR00307", "APR00308"));
    public static final List<String> MANAGEMENT_COMPANY_DIRECTED = List.of("APR00061", "APR00076", "APR00091");
    public static final List<String> MISSING_GENERAL_ASSEMBLY_DATE = List.of("APR00033", "APR00067", "APR00104");
    public static final List<String> SHARES_NOT_100 = List.of("APR00048", "APR00083");
    public static final String NBSP_COMPANY_NAME = "APR00038";

    public static final String COMPANY = "company";
    public static final String PERSON = "person";
    public static final String DIRECTOR = "director";
    public static final String SHAREHOLDER = "shareholder";
    public static final String AUDITOR = "auditor";
    public static final String CONTACT_PERSON = "contactPerson";

    private static final String ERP = "adminpulse";
    private static final String NBSP = "\u00a0";
    private static final Instant SEEDED = Instant.parse("2026-03-02T06:00:00Z");
    private static final DateTimeFormatter ASSEMBLY = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** No seeded mandate starts or ends after this: the data reads as of early March 2026. */
    private static final LocalDate LATEST_SEEDED_DATE = LocalDate.of(2025, 6, 30);
    private static final int AUDIT_FIRMS_FROM = 121;
    private static final int GENERIC_PERSONS_FROM = 401;
    private static final int[] SHARE_TOTALS = {100, 1000, 18600, 200, 750};
    private static final Map<Integer, List<String>> SPLIT_OVERRIDES = Map.of(48, List.of("60.0", "30.0"),
            83, List.of("60.0", "50.0"));
    /** Fields a hook may not change with {@link #modify}: identity, links and the stamp itself. */
    private static final Set<String> FIXED_FIELDS = Set.of("id", "uniqueIdentifier", "type", "linkedRelations",
            "lastModified");

    private final ModificationClock stamps;
    private final JsonNode names = Fixtures.load(ERP, "names");
    private final List<ObjectNode> auditFirmRows = Fixtures.items(ERP, "audit-firms");
    /** Keyed by id (the list order), found by unique identifier. */
    private final JsonTable<String> relations = new JsonTable<>(r -> r.path("id").asText(),
            r -> r.path("uniqueIdentifier").asText());
    private int nextPersonNumber;

    public AdminPulseDataset(Clock clock) {
        this.stamps = new ModificationClock(clock);
        new Seeder().run();
    }

    /** The id of the relation with this unique identifier: a UUID derived from it, the same on every start. */
    public static String relationId(String uniqueIdentifier) {
        return UUID.nameUUIDFromBytes(("adminpulse:" + uniqueIdentifier).getBytes(StandardCharsets.UTF_8)).toString();
    }

    // ---- reads ----------------------------------------------------------------------------------------

    /** Every relation, companies and persons, in id order, copied. */
    public synchronized List<ObjectNode> relations() {
        return relations(r -> true);
    }

    /** The relations the filter keeps, in id order, copied. */
    public synchronized List<ObjectNode> relations(Predicate<JsonNode> filter) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode r : relations.values()) {
            if (filter.test(r)) {
                out.add(render(r));
            }
        }
        return out;
    }

    /** The relation with this id, copied, or null. */
    public synchronized ObjectNode get(String id) {
        ObjectNode r = relations.get(id);
        return r == null ? null : render(r);
    }

    /** The relation with this unique identifier ({@code APR00017}), copied, or null. */
    public synchronized ObjectNode byUniqueIdentifier(String uniqueIdentifier) {
        ObjectNode r = relations.byId(uniqueIdentifier);
        return r == null ? null : render(r);
    }

    /** Relations per type, for the start-up log and tests. */
    public synchronized Map<String, Integer> counts() {
        Map<String, Integer> out = new LinkedHashMap<>();
        out.put(COMPANY, 0);
        out.put(PERSON, 0);
        relations.values().forEach(r -> out.merge(r.path("type").asText(), 1, Integer::sum));
        return out;
    }

    /** A copy whose linked entries name their relations as they are now. */
    private ObjectNode render(ObjectNode stored) {
        ObjectNode out = stored.deepCopy();
        for (JsonNode link : out.path("linkedRelations")) {
            ObjectNode entry = (ObjectNode) link;
            ObjectNode linked = relations.get(entry.path("relationId").asText());
            if (linked != null) {
                copyNames(linked, entry);
            }
            if (entry.path("permanentRepresentative") instanceof ObjectNode representative) {
                ObjectNode person = relations.get(representative.path("relationId").asText());
                if (person != null) {
                    representative.set("name", person.get("name"));
                }
            }
        }
        return out;
    }

    private static void copyNames(ObjectNode relation, ObjectNode entry) {
        for (String field : List.of("uniqueIdentifier", "type", "name", "firstName", "lastName")) {
            entry.set(field, relation.get(field));
        }
    }

    // ---- test hooks -----------------------------------------------------------------------------------

    /**
     * Ends a director's mandate as AdminPulse shows it: the company's director entries for that relation are gone
     * (a shareholding of the same relation stays). Answers the company's new {@code lastModified}.
     */
    public synchronized Instant removeDirector(String companyId, String directorRelationId) {
        ObjectNode company = company(companyId);
        ArrayNode links = (ArrayNode) company.get("linkedRelations");
        boolean removed = false;
        for (int i = links.size() - 1; i >= 0; i--) {
            JsonNode link = links.get(i);
            if (link.path("role").asText().equals(DIRECTOR)
                    && link.path("relationId").asText().equals(directorRelationId)) {
                links.remove(i);
                removed = true;
            }
        }
        if (!removed) {
            throw new IllegalArgumentException("relation " + directorRelationId + " is no director of " + companyId);
        }
        return stamp(company);
    }

    /**
     * A new person, listed as a relation of its own with the next unique identifier, becomes a director of the
     * company from {@code startDate}. Answers the new person.
     */
    public synchronized ObjectNode addDirector(String companyId, String firstName, String lastName,
                                               LocalDate startDate) {
        ObjectNode company = company(companyId);
        String language = company.path("language").asText();
        int number = nextPersonNumber++;
        ObjectNode person = relation(number, PERSON, firstName + " " + lastName, language,
                address(names.path(language), number), stamps.nextInstant());
        person.put("firstName", firstName);
        person.put("lastName", lastName);
        relations.put(person);
        link(company, DIRECTOR, person, startDate, null, null, null, null);
        stamp(company);
        return render(person);
    }

    /** An existing relation (a person or a company) becomes a director from {@code startDate}; answers the stamp. */
    public synchronized Instant addDirector(String companyId, String relationId, LocalDate startDate) {
        ObjectNode company = company(companyId);
        ObjectNode director = relations.get(relationId);
        if (director == null) {
            throw new IllegalArgumentException("no relation " + relationId);
        }
        link(company, DIRECTOR, director, startDate, null, null, null, null);
        return stamp(company);
    }

    /**
     * Sets a top-level field of a relation ({@code name}, {@code companyName}, {@code vatNumber},
     * {@code generalAssemblyDate}...; null clears it) and stamps it as changed; answers the new stamp.
     */
    public synchronized Instant modify(String id, String field, String value) {
        ObjectNode r = relations.get(id);
        if (r == null) {
            throw new IllegalArgumentException("no relation " + id);
        }
        if (FIXED_FIELDS.contains(field) || !r.has(field) || r.get(field).isContainerNode()) {
            throw new IllegalArgumentException("the field " + field + " cannot be modified");
        }
        r.put(field, value);
        return stamp(r);
    }

    /** Back to the seeded relations; stamps given later still come after every earlier one. */
    public synchronized void reset() {
        for (String id : relations.values().stream().map(r -> r.path("id").asText()).toList()) {
            relations.remove(id);
        }
        new Seeder().run();
    }

    private ObjectNode company(String id) {
        ObjectNode company = relations.get(id);
        if (company == null || !company.path("type").asText().equals(COMPANY)) {
            throw new IllegalArgumentException("no company " + id);
        }
        return company;
    }

    private Instant stamp(ObjectNode relation) {
        Instant now = stamps.nextInstant();
        relation.put("lastModified", now.toString());
        return now;
    }

    // ---- building blocks ------------------------------------------------------------------------------

    /** A relation with every field, those of the other type null. */
    private ObjectNode relation(int number, String type, String name, String language, ObjectNode address,
                                Instant lastModified) {
        String uniqueIdentifier = String.format("APR%05d", number);
        ObjectNode r = SimulatorJson.HTTP.createObjectNode();
        r.put("id", relationId(uniqueIdentifier));
        r.put("uniqueIdentifier", uniqueIdentifier);
        r.put("type", type);
        r.put("name", name);
        r.putNull("firstName");
        r.putNull("lastName");
        r.putNull("companyName");
        r.putNull("legalForm");
        r.putNull("vatNumber");
        r.put("language", language);
        r.set("address", address);
        r.putNull("generalAssemblyDate");
        stamps.observe(lastModified.toEpochMilli());
        r.put("lastModified", lastModified.toString());
        r.putArray("linkedRelations");
        return r;
    }

    private static void link(ObjectNode company, String role, ObjectNode relation, LocalDate start, LocalDate end,
                             BigDecimal sharePercentage, Integer shares, ObjectNode representative) {
        ObjectNode entry = ((ArrayNode) company.get("linkedRelations")).addObject();
        entry.put("role", role);
        entry.put("relationId", relation.path("id").asText());
        copyNames(relation, entry);
        entry.put("startDate", start == null ? null : start.toString());
        entry.put("endDate", end == null ? null : end.toString());
        entry.put("sharePercentage", sharePercentage);
        entry.put("shares", shares);
        if (representative == null) {
            entry.putNull("permanentRepresentative");
        } else {
            entry.putObject("permanentRepresentative").put("relationId", representative.path("id").asText())
                    .set("name", representative.get("name"));
        }
    }

    private static ObjectNode address(String street, String houseNumber, String box, String postalCode, String city) {
        ObjectNode a = SimulatorJson.HTTP.createObjectNode();
        a.put("street", street);
        a.put("houseNumber", houseNumber);
        a.put("box", box);
        a.put("postalCode", postalCode);
        a.put("city", city);
        a.put("country", "BE");
        return a;
    }

    /** A Belgian address drawn from the language's streets and cities; a box on some. */
    private static ObjectNode address(JsonNode language, int seed) {
        JsonNode streets = language.path("streets");
        JsonNode cities = language.path("cities");
        JsonNode city = cities.get((seed * 5) % cities.size());
        String box = seed % 6 == 0 ? String.valueOf((char) ('A' + seed % 3)) : seed % 10 == 3 ? "bus " + (1 + seed % 5)
                : null;
        return address(streets.get(seed % streets.size()).asText(), String.valueOf(1 + (seed * 13) % 180), box,
                city.path("postalCode").asText(), city.path("city").asText());
    }

    /** Distinct for every company: most start with 0 (first eight under 10 000 000), every eighth with 1. */
    private static String enterpriseNumber(int n) {
        long firstEight = n % 8 == 0 ? 10_000_000L + (n * 3_571L) % 999_999 : 2_000_000L + (n * 65_537L) % 7_999_999;
        return EnterpriseNumbers.withCheckDigits(firstEight);
    }

    /** A Tuesday in 2026, as statutes fix them ("the second Tuesday of June"), written as AdminPulse does. */
    private static String generalAssembly(int n) {
        return LocalDate.of(2026, 3 + n % 10, 1).with(TemporalAdjusters.dayOfWeekInMonth(1 + n % 3, DayOfWeek.TUESDAY))
                .atStartOfDay().format(ASSEMBLY);
    }

    private static BigDecimal percent(String value) {
        return new BigDecimal(value);
    }

    /** The seeding of one run: the hand-made relations behind the traps, then the generated ones around them. */
    private final class Seeder {

        private final Map<String, Integer> personsDrawn = new HashMap<>();
        private final Map<String, Integer> companiesDrawn = new HashMap<>();
        /** The first director of each generated company, which a later one may share. */
        private final Map<Integer, ObjectNode> generatedFirstDirector = new HashMap<>();
        private final Map<Integer, ObjectNode> clients = new HashMap<>();
        private final List<ObjectNode> auditFirms = new ArrayList<>();
        private final Map<Integer, ObjectNode> handPersons = new HashMap<>();
        private int nextGenericPerson = GENERIC_PERSONS_FROM;
        private int stampedSoFar;

        void run() {
            seedAuditFirms();
            seedHandPersons();
            for (int n = 1; n <= CLIENT_COMPANIES; n++) {
                ObjectNode company = handMade(n);
                clients.put(n, company != null ? company : generated(n));
            }
            nextPersonNumber = nextGenericPerson;
        }

        private Instant nextSeedStamp() {
            return SEEDED.plus(Duration.ofMinutes(7L * stampedSoFar++));
        }

        private void seedAuditFirms() {
            int n = AUDIT_FIRMS_FROM;
            for (ObjectNode row : auditFirmRows) {
                String legalForm = row.path("legalForm").asText();
                // the office typed these with their legal form, as §2's auditor shows ("… Bedrijfsrevisoren BV")
                String name = row.path("name").asText() + " " + legalForm;
                ObjectNode firm = company(n, name, legalForm, name, enterpriseNumber(n), row.path("language").asText(),
                        row.path("address").deepCopy(), generalAssembly(n));
                auditFirms.add(firm);
                n++;
            }
        }

        private ObjectNode company(int n, String name, String legalForm, String companyName, String vatNumber,
                                   String language, ObjectNode address, String generalAssemblyDate) {
            ObjectNode c = relation(n, COMPANY, name, language, address, nextSeedStamp());
            c.put("companyName", companyName);
            c.put("legalForm", legalForm);
            c.put("vatNumber", vatNumber);
            c.put("generalAssemblyDate", generalAssemblyDate);
            relations.put(c);
            return c;
        }

        private ObjectNode person(int number, String firstName, String lastName, String name, String language) {
            ObjectNode p = relation(number, PERSON, name, language, address(names.path(language), number),
                    nextSeedStamp());
            p.put("firstName", firstName);
            p.put("lastName", lastName);
            relations.put(p);
            return p;
        }

        /** Persons whose names no generated one can have (their first names are not in the fixture). */
        private void seedHandPersons() {
            hand(301, "Jan", "Peeters", "Jan Peeters", "nl");
            hand(302, "jan", "peeters", "jan  peeters", "nl");
            hand(303, "Hanne", "Janssens", "Hanne Janssens", "nl");
            hand(304, "Sofie", "Maes", "Sofie Maes", "nl");
            hand(305, "Marie-Claire", "Dubois", "Marie-Claire Dubois", "fr");
            hand(306, "Marie-Claire", "DUBOIS", "Marie-Claire DUBOIS", "fr");
            hand(307, "Luc", "Van den Broeck", "Luc Van den Broeck", "nl");
            hand(308, "Luc", "Van" + NBSP + "den Broeck", "Luc Van" + NBSP + "den Broeck", "nl");
            hand(309, "Raf", "Verbruggen", "Raf Verbruggen", "nl");
            hand(310, "Sylvie", "Gillet", "Sylvie Gillet", "fr");
            hand(311, "Marc", "Gillet", "Marc Gillet", "fr");
            hand(312, "Bram", "Hermans", "Bram Hermans", "nl");
            hand(313, "Guido", "Hermans", "Guido Hermans", "nl");
        }

        private void hand(int number, String firstName, String lastName, String name, String language) {
            handPersons.put(number, person(number, firstName, lastName, name, language));
        }

        private ObjectNode generatedPerson(String language) {
            JsonNode lang = names.path(language);
            JsonNode first = lang.path("firstNames");
            JsonNode last = lang.path("lastNames");
            int k = personsDrawn.merge(language, 1, Integer::sum) - 1;
            // k -> (first, last) is one-to-one for k < 300: 27q mod 30 repeats only after ten rounds
            String firstName = first.get(k % first.size()).asText();
            String lastName = last.get((k + 7 * (k / first.size())) % last.size()).asText();
            return person(nextGenericPerson++, firstName, lastName, firstName + " " + lastName, language);
        }

        // ---- the hand-made companies ------------------------------------------------------------------

        private ObjectNode handMade(int n) {
            return switch (n) {
                case 17 -> exampleCompany();
                case 23 -> withOneOwner(handCompany(n, "Slagerij Peeters", "BV", "nl"), p(302), p(301),
                        LocalDate.of(2019, 9, 2));
                case 31 -> duplicateDirectors(handCompany(n, "Menuiserie Dubois", "SRL", "fr"));
                case 44 -> withOneOwner(handCompany(n, "Dakwerken Van den Broeck", "BV", "nl"), p(307), p(307),
                        LocalDate.of(2012, 3, 1));
                case 52 -> withOneOwner(handCompany(n, "Schilderwerken Van den Broeck", "CommV", "nl"), p(308), p(308),
                        LocalDate.of(2017, 10, 16));
                case 60 -> withOneOwner(handCompany(n, "Verbruggen Management", "BV", "nl"), p(309), p(309),
                        LocalDate.of(2014, 1, 6));
                case 61 -> managed(handCompany(n, "Garage Verbruggen", "BV", "nl"), clients.get(60), p(309),
                        LocalDate.of(2015, 5, 4));
                case 75 -> withOneOwner(handCompany(n, "Gillet Consult", "SRL", "fr"), p(310), p(310),
                        LocalDate.of(2011, 2, 14));
                case 76 -> gilletTransports(handCompany(n, "Transports Gillet", "SA", "fr"));
                case 90 -> withOneOwner(handCompany(n, "Hermans Invest", "BV", "nl"), p(312), p(312),
                        LocalDate.of(2008, 11, 3));
                case 91 -> hermansConstruction(handCompany(n, "Bouwbedrijf Hermans", "NV", "nl"));
                default -> null;
            };
        }

        private ObjectNode p(int number) {
            return handPersons.get(number);
        }

        private ObjectNode handCompany(int n, String name, String legalForm, String language) {
            return company(n, name, legalForm, name + " " + legalForm, enterpriseNumber(n), language,
                    address(names.path(language), n), generalAssembly(n));
        }

        /** next-erps.md §2's example, with its number, which fails the check. */
        private ObjectNode exampleCompany() {
            ObjectNode c = company(17, "Bakkerij Janssens", "BV", "Bakkerij Janssens BV", INVALID_NUMBER_DIGITS, "nl",
                    address("Kerkstraat", "12", "B", "9000", "Gent"), "2026-06-09T00:00:00");
            Instant stamped = Instant.parse("2026-03-02T10:15:00Z");
            stamps.observe(stamped.toEpochMilli());
            c.put("lastModified", stamped.toString());
            link(c, DIRECTOR, p(301), LocalDate.of(2021, 6, 8), null, null, null, null);
            link(c, SHAREHOLDER, p(301), LocalDate.of(2021, 6, 8), null, percent("60.0"), 600, null);
            link(c, SHAREHOLDER, p(303), LocalDate.of(2021, 6, 8), null, percent("40.0"), 400, null);
            link(c, AUDITOR, auditFirms.get(0), LocalDate.of(2024, 6, 11), null, null, null, null);
            link(c, CONTACT_PERSON, p(304), null, null, null, null, null);
            return c;
        }

        private ObjectNode withOneOwner(ObjectNode c, ObjectNode director, ObjectNode owner, LocalDate since) {
            link(c, DIRECTOR, director, since, null, null, null, null);
            link(c, SHAREHOLDER, owner, since, null, percent("100.0"), 18600, null);
            contact(c);
            return c;
        }

        private ObjectNode duplicateDirectors(ObjectNode c) {
            LocalDate since = LocalDate.of(2016, 2, 1);
            link(c, DIRECTOR, p(305), since, null, null, null, null);
            link(c, DIRECTOR, p(306), since, null, null, null, null);
            link(c, SHAREHOLDER, p(305), since, null, percent("100.0"), 1000, null);
            contact(c);
            return c;
        }

        private ObjectNode managed(ObjectNode c, ObjectNode managementCompany, ObjectNode representative,
                                   LocalDate since) {
            link(c, DIRECTOR, managementCompany, since, null, null, null, representative);
            link(c, SHAREHOLDER, managementCompany, since, null, percent("100.0"), 18600, null);
            contact(c);
            return c;
        }

        private ObjectNode gilletTransports(ObjectNode c) {
            LocalDate since = LocalDate.of(2013, 9, 9);
            link(c, DIRECTOR, clients.get(75), since, null, null, null, p(310));
            link(c, DIRECTOR, p(311), LocalDate.of(2019, 6, 18), null, null, null, null);
            link(c, SHAREHOLDER, clients.get(75), since, null, percent("70.0"), 700, null);
            link(c, SHAREHOLDER, p(311), LocalDate.of(2019, 6, 18), null, percent("30.0"), 300, null);
            link(c, AUDITOR, auditFirms.get(2), LocalDate.of(2025, 6, 10), null, null, null, null);
            contact(c);
            return c;
        }

        private ObjectNode hermansConstruction(ObjectNode c) {
            LocalDate since = LocalDate.of(2009, 4, 1);
            link(c, DIRECTOR, clients.get(90), since, null, null, null, p(312));
            link(c, DIRECTOR, p(313), LocalDate.of(1998, 4, 1), LocalDate.of(2022, 6, 14), null, null, null);
            link(c, SHAREHOLDER, clients.get(90), since, null, percent("60.0"), 11160, null);
            link(c, SHAREHOLDER, p(312), since, null, percent("40.0"), 7440, null);
            link(c, AUDITOR, auditFirms.get(1), LocalDate.of(2023, 6, 13), null, null, null, null);
            contact(c);
            return c;
        }

        private void contact(ObjectNode c) {
            link(c, CONTACT_PERSON, generatedPerson(c.path("language").asText()), null, null, null, null, null);
        }

        // ---- the generated companies ------------------------------------------------------------------

        private ObjectNode generated(int n) {
            String language = n % 3 == 0 ? "fr" : "nl";
            JsonNode lang = names.path(language);
            JsonNode activities = lang.path("activities");
            JsonNode surnames = lang.path("lastNames");
            JsonNode forms = lang.path("legalForms");
            int j = companiesDrawn.merge(language, 1, Integer::sum) - 1;
            // one-to-one for the counts drawn; the offset keeps clear of the example's "Bakkerij Janssens"
            String name = activities.get(j % activities.size()).asText() + " "
                    + surnames.get((j + 1 + 7 * (j / activities.size())) % surnames.size()).asText();
            String legalForm = forms.get(j % forms.size()).asText();
            String companyName = name + (n == 38 ? NBSP : " ") + legalForm;
            String assembly = MISSING_GENERAL_ASSEMBLY_DATE.contains(String.format("APR%05d", n)) ? null
                    : generalAssembly(n);
            ObjectNode c = company(n, name, legalForm, companyName, enterpriseNumber(n), language, address(lang, n),
                    assembly);

            LocalDate founded = LocalDate.of(2004 + n % 20, 1 + n % 12, 1 + (n * 7) % 28);
            int owners = 1 + (n % 3 == 0 ? 1 : 0) + (n % 7 == 0 ? 1 : 0);
            List<String> split = SPLIT_OVERRIDES.getOrDefault(n, split(n, owners));
            List<ObjectNode> directors = new ArrayList<>();
            List<LocalDate> since = new ArrayList<>();
            for (int d = 0; d < split.size(); d++) {
                ObjectNode person = generatedPerson(language);
                LocalDate later = founded.plusMonths(6 + 7L * (d + n % 4));
                LocalDate start = d == 0 ? founded : later.isAfter(LATEST_SEEDED_DATE) ? founded.plusMonths(d) : later;
                link(c, DIRECTOR, person, start, null, null, null, null);
                directors.add(person);
                since.add(start);
            }
            generatedFirstDirector.put(n, directors.get(0));
            ObjectNode shared = n % 11 == 0 ? generatedFirstDirector.get(n - 5) : null;
            if (shared != null) {
                link(c, DIRECTOR, shared, founded.plusYears(1), null, null, null, null);
            }
            if (n % 9 == 4) {
                LocalDate ended = founded.plusYears(2 + n % 5);
                ended = ended.isAfter(LATEST_SEEDED_DATE) ? LATEST_SEEDED_DATE : ended;
                link(c, DIRECTOR, generatedPerson(language), founded, ended, null, null, null);
            }
            int total = SHARE_TOTALS[n % SHARE_TOTALS.length];
            for (int d = 0; d < split.size(); d++) {
                BigDecimal pct = percent(split.get(d));
                int shares = pct.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(100), 0,
                        RoundingMode.HALF_UP).intValueExact();
                link(c, SHAREHOLDER, directors.get(d), since.get(d), null, pct, shares, null);
            }
            if (legalForm.equals(lang.path("auditedForm").asText()) || n % 12 == 5) {
                link(c, AUDITOR, auditFirms.get(n % auditFirms.size()), LocalDate.of(2023 + n % 3, 6, 1 + n % 28),
                        null, null, null, null);
            }
            contact(c);
            return c;
        }

        private List<String> split(int n, int owners) {
            return switch (owners) {
                case 1 -> List.of("100.0");
                case 2 -> n % 2 == 0 ? List.of("50.0", "50.0") : List.of("60.0", "40.0");
                default -> n % 2 == 0 ? List.of("33.33", "33.33", "33.34") : List.of("50.0", "25.0", "25.0");
            };
        }
    }
}
