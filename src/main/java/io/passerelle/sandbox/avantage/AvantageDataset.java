package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.passerelle.sandbox.kit.ModificationClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.function.UnaryOperator;

/**
 * What the simulated Avantage server holds: the master data it lists and the timesheet lines posted to
 * it. Thread-safe; every change stamps a modifiedAt strictly later than any before, as a client paging
 * with {@code modifiedSince} relies on.
 */
public final class AvantageDataset {

    public record Company(String code, String name) {
    }

    public static final Company BOREAL = new Company("BOREAL", "Construction Boréal inc.");
    /** Timesheets dated before this are in a closed payroll period unless a test moves it. */
    public static final LocalDate DEFAULT_PERIOD_CLOSED_BEFORE = LocalDate.of(2024, 1, 1);
    /** Synthetic records are stamped in bulk, as an import would, so that LIST order also ties on keys. */
    private static final int SYNTHETIC_ITEMS_PER_STAMP = 1000;

    private final long seed;
    private final DatasetSizes sizes;
    private final Company company;
    private final ModificationClock clock;
    private final EntityTable<Project> projects = new EntityTable<>(null);
    private final EntityTable<Employee> employees = new EntityTable<>(null);
    private final EntityTable<Trade> trades = new EntityTable<>(null);
    private final EntityTable<Activity> activities = new EntityTable<>(Activity::project);
    private final EntityTable<Earning> earnings = new EntityTable<>(null);
    private final EntityTable<HourType> hourTypes = new EntityTable<>(null);
    private final EntityTable<Supplier> suppliers = new EntityTable<>(null);
    private final EntityTable<PurchaseOrder> purchaseOrders = new EntityTable<>(PurchaseOrder::project);
    private final Map<AvantageEntity, EntityTable<? extends AvantageItem>> tables = new EnumMap<>(AvantageEntity.class);

    private final Object ledgerLock = new Object();
    private final Map<String, TimesheetLine> postedLines = new LinkedHashMap<>();
    private final Map<String, PostResult> batchAnswers = new HashMap<>();
    private volatile LocalDate periodClosedBefore = DEFAULT_PERIOD_CLOSED_BEFORE;
    private long syntheticCounter;
    private int touchRound;

    public AvantageDataset(long seed, DatasetSizes sizes) {
        this(seed, sizes, System::currentTimeMillis);
    }

    AvantageDataset(long seed, DatasetSizes sizes, LongSupplier wallClock) {
        this.seed = seed;
        this.sizes = Objects.requireNonNull(sizes, "sizes");
        this.company = BOREAL;
        this.clock = new ModificationClock(wallClock);
        tables.put(AvantageEntity.PROJECT, projects);
        tables.put(AvantageEntity.EMPLOYEE, employees);
        tables.put(AvantageEntity.TRADE, trades);
        tables.put(AvantageEntity.ACTIVITY, activities);
        tables.put(AvantageEntity.EARNING, earnings);
        tables.put(AvantageEntity.HOUR_TYPE, hourTypes);
        tables.put(AvantageEntity.SUPPLIER, suppliers);
        tables.put(AvantageEntity.PURCHASE_ORDER, purchaseOrders);
        seedTables();
    }

    public static AvantageDataset seeded(long seed) {
        return new AvantageDataset(seed, DatasetSizes.defaults());
    }

    private void seedTables() {
        new DatasetSeeder(seed, sizes).seed(item -> {
            putRaw(item);
            clock.observe(item.modifiedAtMillis());
        });
    }

    /** Back to the seeded state: master data, posted lines, batch answers and closed period. */
    public synchronized void reseed() {
        tables.values().forEach(EntityTable::clear);
        synchronized (ledgerLock) {
            postedLines.clear();
            batchAnswers.clear();
        }
        periodClosedBefore = DEFAULT_PERIOD_CLOSED_BEFORE;
        syntheticCounter = 0;
        touchRound = 0;
        // keep the clock: a client that paged before the reseed must still see later changes as later
        seedTables();
    }

    public Company company() {
        return company;
    }

    public long seed() {
        return seed;
    }

    public DatasetSizes sizes() {
        return sizes;
    }

    // ---- reading ------------------------------------------------------------------------------------

    public int count(AvantageEntity entity) {
        return table(entity).size();
    }

    public Map<AvantageEntity, Integer> counts() {
        Map<AvantageEntity, Integer> counts = new EnumMap<>(AvantageEntity.class);
        for (AvantageEntity e : AvantageEntity.values()) {
            counts.put(e, count(e));
        }
        return Collections.unmodifiableMap(counts);
    }

    /** All records of an entity in LIST order, (modifiedAt, key). A copy. */
    public List<? extends AvantageItem> items(AvantageEntity entity) {
        return table(entity).snapshot();
    }

    public List<Project> projects() {
        return projects.snapshot();
    }

    public List<Employee> employees() {
        return employees.snapshot();
    }

    public List<Trade> trades() {
        return trades.snapshot();
    }

    public List<Activity> activities() {
        return activities.snapshot();
    }

    /** The activities of one project, in LIST order. */
    public List<Activity> activities(String project) {
        return activities.page(project, null, true, Integer.MAX_VALUE).items();
    }

    public List<Earning> earnings() {
        return earnings.snapshot();
    }

    public List<HourType> hourTypes() {
        return hourTypes.snapshot();
    }

    public List<Supplier> suppliers() {
        return suppliers.snapshot();
    }

    public List<PurchaseOrder> purchaseOrders() {
        return purchaseOrders.snapshot();
    }

    /** The purchase orders of one project, in LIST order. */
    public List<PurchaseOrder> purchaseOrders(String project) {
        return purchaseOrders.page(project, null, true, Integer.MAX_VALUE).items();
    }

    public Optional<Supplier> supplier(String code) {
        return suppliers.get(code);
    }

    public Optional<PurchaseOrder> purchaseOrder(String number) {
        return purchaseOrders.get(number);
    }

    public Optional<Project> project(String number) {
        return projects.get(number);
    }

    public Optional<Employee> employee(String number) {
        return employees.get(number);
    }

    public Optional<Trade> trade(String code) {
        return trades.get(code);
    }

    public Optional<Activity> activity(String project, String code) {
        return activities.get(Activity.id(project, code));
    }

    public Optional<Earning> earning(String code) {
        return earnings.get(code);
    }

    public Optional<HourType> hourType(String code) {
        return hourTypes.get(code);
    }

    /** The latest modifiedAt handed out so far: any later change sorts after it. */
    public Instant lastModifiedAt() {
        return Instant.ofEpochMilli(clock.last());
    }

    EntityTable.Page<? extends AvantageItem> page(AvantageEntity entity, String group, Ordered from,
                                                  boolean inclusive, int limit) {
        return table(entity).page(group, from, inclusive, limit);
    }

    // ---- changing (test hooks) -----------------------------------------------------------------------

    /**
     * Inserts or replaces a record, stamping it with a fresh modifiedAt (the one in {@code item} is
     * ignored). Returns the stored record.
     */
    @SuppressWarnings("unchecked")
    public <T extends AvantageItem> T upsert(T item) {
        T stamped = (T) item.withModifiedAt(clock.next());
        putRaw(stamped);
        return stamped;
    }

    public Employee updateEmployee(String number, UnaryOperator<Employee> change) {
        Employee current = employees.get(number)
                .orElseThrow(() -> new IllegalArgumentException("no employee " + number));
        Employee changed = change.apply(current);
        if (!changed.number().equals(number)) {
            throw new IllegalArgumentException("an update cannot change the employee number");
        }
        return upsert(changed);
    }

    public Project updateProject(String number, UnaryOperator<Project> change) {
        Project current = projects.get(number)
                .orElseThrow(() -> new IllegalArgumentException("no project " + number));
        Project changed = change.apply(current);
        if (!changed.number().equals(number)) {
            throw new IllegalArgumentException("an update cannot change the project number");
        }
        return upsert(changed);
    }

    /** Changes a budget activity (its budget, its description), as a revision of the budget in Avantage would. */
    public Activity updateActivity(String project, String code, UnaryOperator<Activity> change) {
        Activity current = activities.get(Activity.id(project, code))
                .orElseThrow(() -> new IllegalArgumentException("no activity " + code + " in project " + project));
        Activity changed = change.apply(current);
        if (!changed.id().equals(current.id())) {
            throw new IllegalArgumentException("an update cannot change the project or the code of an activity");
        }
        return upsert(changed);
    }

    /** Changes a purchase order (a line's quantity, its status…), stamped as one save in Avantage would be. */
    public PurchaseOrder updatePurchaseOrder(String number, UnaryOperator<PurchaseOrder> change) {
        PurchaseOrder current = purchaseOrders.get(number)
                .orElseThrow(() -> new IllegalArgumentException("no purchase order " + number));
        PurchaseOrder changed = change.apply(current);
        if (!changed.number().equals(number)) {
            throw new IllegalArgumentException("an update cannot change the purchase order number");
        }
        return upsert(changed);
    }

    /** Adds (or replaces) a budget activity of an existing project. */
    public Activity addActivity(String project, String code, String description, BigDecimal budgetHours,
                                BigDecimal budgetAmount) {
        if (!projects.contains(project)) {
            throw new IllegalArgumentException("no project " + project);
        }
        return upsert(new Activity(project, code, description, budgetHours, budgetAmount, 0));
    }

    /**
     * Changes {@code n} employees, the least recently modified first: each gets a real field change
     * (competency moves A→B→C→A, or one is given when it had none) and one shared modifiedAt strictly
     * later than anything before, as one save in Avantage would.
     */
    public List<Employee> touchEmployees(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        synchronized (this) {
            long stamp = clock.next();
            int round = touchRound++;
            List<Employee> changed = new ArrayList<>(n);
            for (Employee e : employees.oldest(n)) {
                Employee updated = nextCompetency(e, round).withModifiedAt(stamp);
                putRaw(updated);
                changed.add(updated);
            }
            return changed;
        }
    }

    private static Employee nextCompetency(Employee e, int round) {
        String c = e.competency();
        if (c == null) {
            return e.withCompetency("C").withTrade(e.trade() == null ? "MANO" : e.trade());
        }
        String next = switch (c) {
            case "A" -> "B";
            case "B" -> "C";
            default -> "A";
        };
        return e.withCompetency(next);
    }

    /**
     * Adds {@code n} synthetic records of one entity, for volume tests (100k–1M). They share name pools
     * and are stamped in bulk so memory and insertion stay lean. Activities and purchase orders spread over existing
     * projects.
     *
     * @return the number of records of that entity afterwards
     */
    public synchronized int generateSynthetic(AvantageEntity entity, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative");
        }
        Random random = new Random(seed ^ (31L * entity.ordinal()) ^ syntheticCounter);
        List<Project> projectList = entity.listsByProject() ? projects.snapshot() : List.of();
        if (entity.listsByProject() && projectList.isEmpty()) {
            throw new IllegalStateException("synthetic " + entity.name().toLowerCase(Locale.ROOT)
                    + " records need at least one project");
        }
        String[] tradeCodes = trades.snapshot().stream().map(Trade::code).toArray(String[]::new);
        long stamp = 0;
        for (int i = 0; i < n; i++) {
            if (i % SYNTHETIC_ITEMS_PER_STAMP == 0) {
                stamp = clock.next();
            }
            long serial = ++syntheticCounter;
            putRaw(synthetic(entity, serial, stamp, random, projectList, tradeCodes));
        }
        return count(entity);
    }

    private static AvantageItem synthetic(AvantageEntity entity, long serial, long stamp, Random random,
                                          List<Project> projectList, String[] tradeCodes) {
        return switch (entity) {
            case EMPLOYEE -> {
                String first = DatasetSeeder.FIRST_NAMES.get(random.nextInt(DatasetSeeder.FIRST_NAMES.size()));
                String last = DatasetSeeder.LAST_NAMES.get(random.nextInt(DatasetSeeder.LAST_NAMES.size()));
                String number = "S-" + pad(serial);
                String email = random.nextInt(10) == 0 ? null
                        : number.toLowerCase(Locale.ROOT) + "@" + DatasetSeeder.EMAIL_DOMAIN;
                String trade = tradeCodes.length == 0 ? null : tradeCodes[random.nextInt(tradeCodes.length)];
                yield new Employee(number, first, last, email, trade, trade == null ? null : "A",
                        random.nextInt(100) >= 8, stamp);
            }
            case PROJECT -> new Project("P-S" + pad(serial),
                    "Chantier synthétique no " + serial,
                    random.nextInt(4) == 0 ? Project.Status.CLOSED : Project.Status.ACTIVE, null, stamp);
            case ACTIVITY -> {
                Project p = projectList.get((int) (serial % projectList.size()));
                DatasetSeeder.CatalogueActivity names = DatasetSeeder.ACTIVITY_CATALOGUE.get(
                        random.nextInt(DatasetSeeder.ACTIVITY_CATALOGUE.size()));
                yield new Activity(p.number(), "S-" + pad(serial), names.description(),
                        BigDecimal.valueOf(10 + random.nextInt(1000)), BigDecimal.valueOf(100_000 + random.nextInt(9_000_000), 2),
                        stamp);
            }
            case TRADE -> new Trade("T" + pad(serial), "Métier synthétique " + serial,
                    Map.of("A", BigDecimal.valueOf(4000 + random.nextInt(1500), 2)), stamp);
            case EARNING -> new Earning("G" + pad(serial), "Gain synthétique " + serial,
                    Earning.Kind.ALLOWANCE, Earning.Unit.UNIT, null, stamp);
            case HOUR_TYPE -> new HourType("H" + pad(serial),
                    "Type d'heures synthétique " + serial, BigDecimal.ONE, stamp);
            case SUPPLIER -> new Supplier("F" + pad(serial), "Fournisseur synthétique " + serial,
                    Supplier.Status.ACTIVE, null, null, null, stamp);
            case PURCHASE_ORDER -> {
                Project p = projectList.get((int) (serial % projectList.size()));
                yield new PurchaseOrder("BC-S" + pad(serial), "BETNORD", p.number(),
                        LocalDate.of(2025, 1, 1).plusDays(serial % 365), PurchaseOrder.Status.OPEN,
                        List.of(PurchaseOrder.Line.priced(1, null, "Béton synthétique, m³",
                                BigDecimal.valueOf(1 + random.nextInt(100)), new BigDecimal("230.00"))), stamp);
            }
        };
    }

    /** Zero-padded to 7 digits; String.format costs more than the insert itself at a million records. */
    private static String pad(long serial) {
        String digits = Long.toString(serial);
        return digits.length() >= 7 ? digits : "0000000".substring(digits.length()) + digits;
    }

    private void putRaw(AvantageItem item) {
        // Java 17: no pattern switch yet
        if (item instanceof Project p) {
            projects.put(p);
        } else if (item instanceof Employee e) {
            employees.put(e);
        } else if (item instanceof Trade t) {
            trades.put(t);
        } else if (item instanceof Activity a) {
            activities.put(a);
        } else if (item instanceof Earning e) {
            earnings.put(e);
        } else if (item instanceof HourType h) {
            hourTypes.put(h);
        } else if (item instanceof Supplier s) {
            suppliers.put(s);
        } else if (item instanceof PurchaseOrder o) {
            purchaseOrders.put(o);
        }
    }

    private EntityTable<? extends AvantageItem> table(AvantageEntity entity) {
        return tables.get(Objects.requireNonNull(entity, "entity"));
    }

    // ---- timesheets -----------------------------------------------------------------------------------

    public LocalDate periodClosedBefore() {
        return periodClosedBefore;
    }

    /** Lines dated before {@code date} are rejected with PERIOD_CLOSED. */
    public void setPeriodClosedBefore(LocalDate date) {
        this.periodClosedBefore = Objects.requireNonNull(date, "date");
    }

    /** Every line the server holds, in the order it stored them. */
    public List<TimesheetLine> postedLines() {
        synchronized (ledgerLock) {
            return List.copyOf(postedLines.values());
        }
    }

    public Optional<TimesheetLine> postedLine(String lineId) {
        synchronized (ledgerLock) {
            return Optional.ofNullable(postedLines.get(lineId));
        }
    }

    /** The answer first given to a batch, if that batch was processed. */
    public Optional<PostResult> batchAnswer(String batchId) {
        synchronized (ledgerLock) {
            return Optional.ofNullable(batchAnswers.get(batchId));
        }
    }

    /**
     * Stores a batch: idempotent by lineId, and a batchId seen before gets its first answer back
     * untouched, whatever lines come with it this time.
     */
    PostResult postTimesheets(String batchId, List<TimesheetLine> lines) {
        synchronized (ledgerLock) {
            PostResult previous = batchAnswers.get(batchId);
            if (previous != null) {
                return previous;
            }
            int accepted = 0;
            int duplicates = 0;
            List<PostResult.Rejection> rejected = new ArrayList<>();
            LocalDate closedBefore = periodClosedBefore;
            for (TimesheetLine line : lines) {
                if (postedLines.containsKey(line.lineId())) {
                    duplicates++;
                    continue;
                }
                PostResult.Rejection rejection = validate(line, closedBefore);
                if (rejection != null) {
                    rejected.add(rejection);
                    continue;
                }
                postedLines.put(line.lineId(), line);
                accepted++;
            }
            PostResult result = new PostResult(accepted, duplicates, rejected);
            batchAnswers.put(batchId, result);
            return result;
        }
    }

    private PostResult.Rejection validate(TimesheetLine line, LocalDate closedBefore) {
        if (!employees.contains(line.employee())) {
            return reject(line, "UNKNOWN_EMPLOYEE", "employee " + line.employee() + " does not exist");
        }
        if (!projects.contains(line.project())) {
            return reject(line, "UNKNOWN_PROJECT", "project " + line.project() + " does not exist");
        }
        if (line.activity() != null && !activities.contains(Activity.id(line.project(), line.activity()))) {
            return reject(line, "UNKNOWN_ACTIVITY",
                    "activity " + line.activity() + " does not exist in project " + line.project());
        }
        if (!hourTypes.contains(line.hourType())) {
            return reject(line, "UNKNOWN_HOUR_TYPE", "hour type " + line.hourType() + " does not exist");
        }
        for (TimesheetLine.EarningQuantity earning : line.earnings()) {
            if (!earnings.contains(earning.code())) {
                return reject(line, "UNKNOWN_EARNING", "earning " + earning.code() + " does not exist");
            }
        }
        BigDecimal hours = line.hours();
        if (hours.signum() <= 0 || hours.compareTo(BigDecimal.valueOf(24)) > 0) {
            return reject(line, "INVALID_HOURS", "hours must be more than 0 and at most 24, got "
                    + hours.toPlainString());
        }
        if (line.date().isBefore(closedBefore)) {
            return reject(line, "PERIOD_CLOSED", "the period of " + line.date() + " is closed (closed before "
                    + closedBefore + ")");
        }
        return null;
    }

    private static PostResult.Rejection reject(TimesheetLine line, String code, String message) {
        var lineId = line.jsonView().get("lineId");
        return new PostResult.Rejection(lineId == null ? JsonNodeFactory.instance.textNode(line.lineId())
                : lineId.deepCopy(), code, message);
    }
}
