package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.passerelle.sandbox.kit.Fixtures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Builds the sandbox company, Construction Boréal inc., from a seed: the same seed and sizes give the
 * same records, byte for byte, so tests and demos can name real employees and projects.
 */
final class DatasetSeeder {

    static final String EMAIL_DOMAIN = "boreal.qc.ca";
    /** Seeded history starts here; everything seeded lies between this and about two years later. */
    static final Instant HISTORY_START = Instant.parse("2023-09-05T12:00:00Z");
    private static final long DAY = Duration.ofDays(1).toMillis();

    /** Names, places and catalogues the company is made of, from {@code sandbox/avantage/*.json}. */
    private static final String ERP = "avantage";
    static final List<String> FIRST_NAMES = strings("employee-names", "firstNames");
    static final List<String> LAST_NAMES = strings("employee-names", "lastNames");
    private static final List<String> PROJECT_WORKS = strings("project-names", "works");
    private static final List<String> PROJECT_BUILDINGS = strings("project-names", "buildings");
    private static final List<String> PLACES = strings("project-names", "places");
    private static final List<String> CUSTOMERS = Fixtures.read(ERP, "customers", new TypeReference<List<String>>() { });

    /** A budget activity of the catalogue (MasterFormat-like divisions as Québec estimators use them). */
    record CatalogueActivity(String code, String description) {
    }

    /** A trade and its base (competency A) hourly rate. */
    record TradeSeed(String code, String description, BigDecimal baseRate) {
    }

    /** Configured at installation, or {@code daysAfterStart} later. */
    record HourTypeSeed(String code, String description, BigDecimal multiplier, int daysAfterStart) {
    }

    record EarningSeed(String code, String description, Earning.Kind kind, Earning.Unit unit, BigDecimal rate,
                       int daysAfterStart) {
    }

    static final List<CatalogueActivity> ACTIVITY_CATALOGUE = Fixtures.read(ERP, "activity-catalogue",
            new TypeReference<List<CatalogueActivity>>() { });
    private static final List<TradeSeed> TRADES = Fixtures.read(ERP, "trades", new TypeReference<List<TradeSeed>>() { });
    private static final List<HourTypeSeed> HOUR_TYPES = Fixtures.read(ERP, "hour-types",
            new TypeReference<List<HourTypeSeed>>() { });
    private static final List<EarningSeed> EARNINGS = Fixtures.read(ERP, "earnings",
            new TypeReference<List<EarningSeed>>() { });

    /**
     * A supplier as the fixture holds it: the record, the activities its goods are bought for and the goods, with the
     * range of quantities an order takes. {@code daysAfterStart}: an active supplier's creation, an inactive one's
     * last day in business (it was made inactive then); it takes orders only after, respectively before, that day.
     */
    record SupplierSeed(String code, String name, Supplier.Status status, String email, String phone,
                        Supplier.Address address, int daysAfterStart, List<String> activities, List<Goods> goods) {
    }

    record Goods(String description, BigDecimal unitCost, List<Integer> quantities) {
    }

    private static final List<SupplierSeed> SUPPLIERS = Fixtures.read(ERP, "suppliers",
            new TypeReference<List<SupplierSeed>>() { });
    /** The seeded history's last day: purchase orders are dated up to it, and the most recent ones are still open. */
    private static final long HISTORY_DAYS = 730;

    private static final BigDecimal[] COMPETENCY_FACTOR = {
        BigDecimal.ONE, new BigDecimal("0.85"), new BigDecimal("0.70")
    };
    private static final String[] COMPETENCIES = {"A", "B", "C"};

    private final Random random;
    private final DatasetSizes sizes;
    private final long start = HISTORY_START.toEpochMilli();

    DatasetSeeder(long seed, DatasetSizes sizes) {
        this.random = new Random(seed);
        this.sizes = sizes;
    }

    void seed(Consumer<AvantageItem> sink) {
        hourTypes(sink);
        earnings(sink);
        List<Trade> trades = trades(sink);
        List<Project> projects = projects(sink);
        Map<String, List<String>> activityCodes = activities(projects, sink);
        employees(trades, sink);
        // last, so that everything seeded before them is the same with or without them
        List<SupplierSeed> suppliers = suppliers(sink);
        purchaseOrders(projects, activityCodes, suppliers, sink);
    }

    private void hourTypes(Consumer<AvantageItem> sink) {
        // configured once at installation: identical stamps, so LIST order falls back to the code
        for (HourTypeSeed h : HOUR_TYPES) {
            sink.accept(new HourType(h.code(), h.description(), h.multiplier(), start + h.daysAfterStart() * DAY));
        }
    }

    private void earnings(Consumer<AvantageItem> sink) {
        for (EarningSeed e : EARNINGS) {
            sink.accept(new Earning(e.code(), e.description(), e.kind(), e.unit(), e.rate(),
                    start + e.daysAfterStart() * DAY));
        }
    }

    private List<Trade> trades(Consumer<AvantageItem> sink) {
        // the yearly CCQ rate increase lands on one day for most trades
        long rateIncrease = Instant.parse("2025-04-27T04:00:00Z").toEpochMilli();
        List<Trade> out = new ArrayList<>();
        for (int i = 0; i < TRADES.size(); i++) {
            BigDecimal base = TRADES.get(i).baseRate();
            Map<String, BigDecimal> rates = new LinkedHashMap<>();
            for (int c = 0; c < COMPETENCIES.length; c++) {
                rates.put(COMPETENCIES[c], base.multiply(COMPETENCY_FACTOR[c]).setScale(2, RoundingMode.HALF_UP));
            }
            long t = i % 5 == 4 ? start : rateIncrease;
            Trade trade = new Trade(TRADES.get(i).code(), TRADES.get(i).description(), rates, t);
            out.add(trade);
            sink.accept(trade);
        }
        return out;
    }

    private List<Project> projects(Consumer<AvantageItem> sink) {
        List<Project> out = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int n = sizes.projects();
        for (int i = 0; i < n; i++) {
            String number = "P-" + (1001 + i);
            String name;
            do {
                name = projectName();
            } while (!names.add(name) && names.size() < 5000);
            // the oldest quarter of the projects is finished
            Project.Status status = i < n / 4 ? Project.Status.CLOSED : Project.Status.ACTIVE;
            String customer = random.nextInt(10) == 0 ? null : pick(CUSTOMERS);
            long t = start + spread(i, n, 700) + random.nextInt(36_000) * 1000L;
            Project p = new Project(number, name, status, customer, t);
            out.add(p);
            sink.accept(p);
        }
        return out;
    }

    private String projectName() {
        String works = pick(PROJECT_WORKS);
        String building = pick(PROJECT_BUILDINGS);
        String place = pick(PLACES);
        if (random.nextInt(12) == 0) {
            // French typography puts a no-break space before the colon: a classic key-matching trap
            return works.replace(" –", "") + " " + building + "\u00A0: " + place;
        }
        String name = works + " " + building + " " + place;
        if (random.nextInt(6) == 0) {
            name += " – phase " + (2 + random.nextInt(3));
        }
        return name;
    }

    /** Answers each project's activity codes. */
    private Map<String, List<String>> activities(List<Project> projects, Consumer<AvantageItem> sink) {
        Map<String, List<String>> codes = new HashMap<>();
        for (Project project : projects) {
            int count = sizes.minActivitiesPerProject()
                    + random.nextInt(sizes.maxActivitiesPerProject() - sizes.minActivitiesPerProject() + 1);
            count = Math.min(count, ACTIVITY_CATALOGUE.size());
            List<CatalogueActivity> catalogue = new ArrayList<>(ACTIVITY_CATALOGUE);
            List<CatalogueActivity> chosen = new ArrayList<>();
            for (int k = 0; k < count; k++) {
                chosen.add(catalogue.remove(random.nextInt(catalogue.size())));
            }
            chosen.sort((a, b) -> a.code().compareTo(b.code()));
            for (CatalogueActivity activity : chosen) {
                BigDecimal hours = BigDecimal.valueOf(40 + random.nextInt(4920)).divide(BigDecimal.valueOf(2))
                        .setScale(1, RoundingMode.UNNECESSARY);
                BigDecimal hourly = BigDecimal.valueOf(6500 + random.nextInt(3000), 2);
                BigDecimal amount = hours.multiply(hourly).setScale(2, RoundingMode.HALF_UP);
                // most budgets are entered with the project; some are revised later
                long t = random.nextInt(5) == 0
                        ? project.modifiedAtMillis() + (1 + random.nextInt(60)) * DAY
                        : project.modifiedAtMillis();
                sink.accept(new Activity(project.number(), activity.code(), activity.description(), hours, amount, t));
            }
            codes.put(project.number(), chosen.stream().map(CatalogueActivity::code).toList());
        }
        return codes;
    }

    private void employees(List<Trade> trades, Consumer<AvantageItem> sink) {
        Set<String> emails = new HashSet<>();
        int next = 1;
        int n = sizes.employees();
        for (int i = 0; i < n; i++) {
            // numbers have gaps: employees deleted long ago keep their number retired
            next += random.nextInt(10) == 0 ? 1 + random.nextInt(3) : 0;
            String number = String.format(Locale.ROOT, "E-%05d", next++);
            String first = pick(FIRST_NAMES);
            String last = pick(LAST_NAMES);
            String email = null;
            if (random.nextInt(10) != 0) {
                String local = asciiFold(first) + "." + asciiFold(last);
                email = local + "@" + EMAIL_DOMAIN;
                for (int k = 2; !emails.add(email); k++) {
                    email = local + k + "@" + EMAIL_DOMAIN;
                }
            }
            String trade = null;
            String competency = null;
            if (random.nextInt(20) != 0) {
                trade = trades.get(random.nextInt(trades.size())).code();
                int c = random.nextInt(10);
                competency = c < 5 ? "A" : c < 8 ? "B" : "C";
            }
            boolean active = random.nextInt(100) >= 8;
            long t = start + spread(i, n, 720) + random.nextInt(86_400) * 1000L;
            sink.accept(new Employee(number, first, last, email, trade, competency, active, t));
        }
    }

    private List<SupplierSeed> suppliers(Consumer<AvantageItem> sink) {
        for (SupplierSeed s : SUPPLIERS) {
            sink.accept(new Supplier(s.code(), s.name(), s.status(), s.email(), s.phone(), s.address(),
                    start + s.daysAfterStart() * DAY));
        }
        return SUPPLIERS;
    }

    /**
     * Orders spread over the projects, each to a supplier in business on its date that sells for one of the project's
     * activities when there is one, with 1 to 5 lines of its goods. The status follows the age: long delivered ones
     * are closed, recent ones received, the latest open; about one in eleven was cancelled. Numbered in date order.
     */
    private void purchaseOrders(List<Project> projects, Map<String, List<String>> activityCodes,
                                List<SupplierSeed> suppliers, Consumer<AvantageItem> sink) {
        int n = projects.isEmpty() ? 0 : sizes.purchaseOrders();
        long end = start + HISTORY_DAYS * DAY;
        record Draft(Project project, SupplierSeed supplier, long dateMillis) {
        }
        List<Draft> drafts = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Project project = projects.get(random.nextInt(projects.size()));
            long date = Math.min(end, project.modifiedAtMillis() + random.nextInt(240) * DAY);
            drafts.add(new Draft(project, supplierFor(project, activityCodes, suppliers, date), date));
        }
        drafts.sort(Comparator.comparingLong(Draft::dateMillis));
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            LocalDate date = Instant.ofEpochMilli(d.dateMillis()).atZone(ZoneOffset.UTC).toLocalDate();
            long age = (end - d.dateMillis()) / DAY;
            PurchaseOrder.Status status = i % 11 == 5 ? PurchaseOrder.Status.CANCELLED
                    : i == drafts.size() - 1 || age < 45 ? PurchaseOrder.Status.OPEN
                    : age < 200 ? PurchaseOrder.Status.RECEIVED : PurchaseOrder.Status.CLOSED;
            long modified = d.dateMillis() + switch (status) {
                case CLOSED -> (60 + random.nextInt(60)) * DAY;
                case RECEIVED -> (10 + random.nextInt(30)) * DAY;
                default -> random.nextInt(3) * DAY;
            } + random.nextInt(36_000) * 1000L;
            List<PurchaseOrder.Line> lines = lines(d.supplier(), activityCodes.getOrDefault(d.project().number(), List.of()));
            sink.accept(new PurchaseOrder("BC-" + (10001 + i), d.supplier().code(), d.project().number(), date, status,
                    lines, modified));
        }
    }

    private SupplierSeed supplierFor(Project project, Map<String, List<String>> activityCodes,
                                     List<SupplierSeed> suppliers, long date) {
        List<String> codes = activityCodes.getOrDefault(project.number(), List.of());
        List<SupplierSeed> inBusiness = new ArrayList<>();
        List<SupplierSeed> selling = new ArrayList<>();
        for (SupplierSeed s : suppliers) {
            long day = start + s.daysAfterStart() * DAY;
            boolean open = s.status() == Supplier.Status.ACTIVE ? date >= day : date < day;
            if (open) {
                inBusiness.add(s);
                if (s.activities().stream().anyMatch(codes::contains)) {
                    selling.add(s);
                }
            }
        }
        List<SupplierSeed> pool = !selling.isEmpty() ? selling : !inBusiness.isEmpty() ? inBusiness : suppliers;
        return pool.get(random.nextInt(pool.size()));
    }

    private List<PurchaseOrder.Line> lines(SupplierSeed supplier, List<String> projectActivities) {
        List<Goods> goods = new ArrayList<>(supplier.goods());
        int count = 1 + random.nextInt(Math.min(5, goods.size()));
        List<String> activities = supplier.activities().stream().filter(projectActivities::contains).toList();
        List<PurchaseOrder.Line> lines = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            Goods g = goods.remove(random.nextInt(goods.size()));
            int low = g.quantities().get(0);
            int high = g.quantities().get(1);
            BigDecimal quantity = BigDecimal.valueOf(low + random.nextInt(high - low + 1));
            if (high <= 30 && random.nextInt(3) == 0) {
                quantity = quantity.add(new BigDecimal("0.5")); // half a tonne, half a day
            }
            // a line names the activity it is bought for when the project has one the supplier sells for
            String activity = activities.isEmpty() || random.nextInt(6) == 0 ? null
                    : activities.get(random.nextInt(activities.size()));
            lines.add(PurchaseOrder.Line.priced(k + 1, activity, g.description(), quantity, g.unitCost()));
        }
        return lines;
    }

    /** Spreads record i of n over {@code days}, oldest first, so numbers roughly follow hiring order. */
    private long spread(int i, int n, int days) {
        return n == 0 ? 0 : (long) ((double) i / n * days) * DAY;
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static List<String> strings(String fixture, String field) {
        List<String> out = new ArrayList<>();
        Fixtures.load(ERP, fixture).path(field).forEach(n -> out.add(n.asText()));
        return List.copyOf(out);
    }

    static String asciiFold(String s) {
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return decomposed.toLowerCase(Locale.ROOT).replace("œ", "oe").replaceAll("[^a-z0-9-]", "");
    }
}
