package io.passerelle.timesheet;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Checks what the platform writes and resolves its codes to the company's canonical records, reporting every
 * field at fault at once ({@code lines[2].activityCode}). Codes are matched after
 * {@link KeyNormalizer#matchKey} (so "E‑00042" with a non-breaking hyphen is E-00042). A plain bean: the
 * lookups are a {@link ReferenceLookup}, called once per kind per request.
 */
public class TimesheetValidator {

    public static final int MAX_LINES = 1000;
    static final int MAX_EARNINGS = 50;
    static final int MAX_KEY = 255;
    static final int MAX_CODE = 64;
    static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);
    static final BigDecimal MAX_QUANTITY = new BigDecimal("10000000000"); // numeric(14, 4)

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME_TEXT = Pattern.compile("\\d{2}:\\d{2}");
    private static final BigDecimal MINUTES_PER_HOUR = BigDecimal.valueOf(60);

    private final ReferenceLookup lookup;
    private final Supplier<String> newLineId;

    public TimesheetValidator(ReferenceLookup lookup) {
        this(lookup, () -> UUID.randomUUID().toString());
    }

    TimesheetValidator(ReferenceLookup lookup, Supplier<String> newLineId) {
        this.lookup = lookup;
        this.newLineId = newLineId;
    }

    /** A new timesheet ({@code POST /api/timesheets}). */
    public ValidTimesheet validate(TimesheetRequest request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("body", "a timesheet is required");
            throw problems.failure();
        }
        Long companyId = null;
        String company = trimmed(request.company());
        if (company == null) {
            problems.add("company", "required");
        } else {
            Optional<Long> found = lookup.companyId(company);
            if (found.isEmpty()) {
                problems.add("company", "no such company");
            } else {
                companyId = found.get();
            }
        }
        Long employeeId = null;
        String employeeKey = KeyNormalizer.matchKey(request.employeeNumber());
        if (employeeKey == null) {
            problems.add("employeeNumber", "required");
        } else if (employeeKey.length() > MAX_KEY) {
            problems.add("employeeNumber", "at most " + MAX_KEY + " characters");
        } else if (companyId != null) {
            employeeId = lookup.employees(companyId, List.of(employeeKey)).get(employeeKey);
            if (employeeId == null) {
                problems.add("employeeNumber", "no employee of that number in company " + company);
            }
        }
        TimesheetStatus status = TimesheetStatus.DRAFT;
        if (request.status() != null) {
            Optional<TimesheetStatus> parsed = TimesheetStatus.parse(request.status());
            if (parsed.isEmpty()) {
                problems.add("status", "DRAFT, VALIDATED or FROZEN");
            } else {
                status = parsed.get();
            }
        }
        List<ValidLine> lines = lines(companyId, request.lines(), null, problems);
        if (!problems.isEmpty()) {
            throw problems.failure();
        }
        return new ValidTimesheet(companyId, company, employeeId, request.employeeNumber().strip(), status, lines);
    }

    /** The new lines of an existing timesheet ({@code PUT /api/timesheets/{id}}); its own line ids may stay. */
    public List<ValidLine> validateLines(long companyId, String timesheetId, List<LineRequest> lines) {
        Problems problems = new Problems();
        List<ValidLine> valid = lines(companyId, lines, timesheetId, problems);
        if (!problems.isEmpty()) {
            throw problems.failure();
        }
        return valid;
    }

    /**
     * One line corrected in place ({@code PUT /api/timesheets/{id}/lines/{lineId}}): fields are named without a
     * prefix; the body's {@code lineId}, when given, must be the line's.
     */
    public ValidLine validateLine(long companyId, String lineId, LineRequest line) {
        Problems problems = new Problems();
        if (line == null) {
            problems.add("body", "a line is required");
            throw problems.failure();
        }
        if (line.lineId() != null && !line.lineId().trim().equalsIgnoreCase(lineId)) {
            problems.add("lineId", "must be the id of the line being corrected, or absent");
        }
        LineRequest fixed = new LineRequest(lineId, line.date(), line.projectNumber(), line.activityCode(),
                line.tradeCode(), line.hours(), line.hourTypeCode(), line.earnings(), line.start(), line.end());
        Lookups found = lookups(companyId, List.of(fixed), null);
        ValidLine valid = line("", fixed, companyId, found, new HashMap<>(), null, problems);
        if (!problems.isEmpty()) {
            throw problems.failure();
        }
        return valid;
    }

    private List<ValidLine> lines(Long companyId, List<LineRequest> lines, String timesheetId, Problems problems) {
        if (lines == null) {
            problems.add("lines", "required (may be empty)");
            return List.of();
        }
        if (lines.size() > MAX_LINES) {
            problems.add("lines", "at most " + MAX_LINES + " lines per timesheet");
            return List.of();
        }
        Lookups found = companyId == null ? null : lookups(companyId, lines, timesheetId);
        Map<String, Integer> idsSeen = new HashMap<>();
        List<ValidLine> valid = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ValidLine line = line("lines[" + i + "].", lines.get(i), companyId, found, idsSeen, timesheetId, problems);
            if (line != null) {
                valid.add(line);
            }
        }
        return valid;
    }

    /**
     * Every lookup the lines need, one call per kind. Activities are looked up under each ERP project a line's project
     * may be: the ERP projects its platform project is linked to, then the synced project of its number.
     */
    private Lookups lookups(long companyId, List<LineRequest> lines, String timesheetId) {
        Set<String> projects = new LinkedHashSet<>();
        Map<String, Set<String>> activitiesByProject = new LinkedHashMap<>(); // project key → activity keys
        Set<String> trades = new LinkedHashSet<>();
        Set<String> hourTypes = new LinkedHashSet<>();
        Set<String> earnings = new LinkedHashSet<>();
        Set<String> lineIds = new LinkedHashSet<>();
        for (LineRequest line : lines) {
            if (line == null) {
                continue;
            }
            String project = bounded(KeyNormalizer.matchKey(line.projectNumber()), MAX_KEY);
            addIfPresent(projects, project);
            String activity = bounded(KeyNormalizer.matchKey(line.activityCode()), MAX_KEY);
            if (project != null && activity != null) {
                activitiesByProject.computeIfAbsent(project, p -> new LinkedHashSet<>()).add(activity);
            }
            addIfPresent(trades, bounded(KeyNormalizer.matchKey(line.tradeCode()), MAX_KEY));
            addIfPresent(hourTypes, bounded(KeyNormalizer.matchKey(line.hourTypeCode()), MAX_CODE));
            if (line.earnings() != null) {
                line.earnings().stream().filter(e -> e != null)
                        .forEach(e -> addIfPresent(earnings, bounded(KeyNormalizer.matchKey(e.code()), MAX_CODE)));
            }
            String lineId = trimmed(line.lineId());
            if (lineId != null && UUID_TEXT.matcher(lineId).matches()) {
                lineIds.add(lineId.toLowerCase(Locale.ROOT));
            }
        }
        Map<String, Long> foundProjects = query(projects, keys -> lookup.projects(companyId, keys));
        Map<String, List<String>> linked = query(projects, keys -> lookup.linkedProjects(companyId, keys));
        Set<String> composites = new LinkedHashSet<>();
        activitiesByProject.forEach((project, activities) -> {
            for (String erpProject : erpProjectKeys(project, foundProjects, linked)) {
                activities.forEach(activity -> composites.add(KeyNormalizer.compositeKey(erpProject, activity)));
            }
        });
        Map<String, Long> foundActivities = query(composites, keys -> lookup.activities(companyId, keys));
        // a code that is no activity of its line's project may be a service code of the company
        Set<String> serviceCodes = new LinkedHashSet<>();
        activitiesByProject.forEach((project, activities) -> activities.forEach(activity -> {
            if (activity(project, activity, foundProjects, linked, foundActivities) == null) {
                serviceCodes.add(activity);
            }
        }));
        return new Lookups(
                foundProjects,
                linked,
                foundActivities,
                query(serviceCodes, keys -> lookup.serviceCodes(companyId, keys)),
                query(trades, keys -> lookup.trades(companyId, keys)),
                hourTypes.isEmpty() ? Set.of() : lookup.knownHourTypes(companyId, hourTypes),
                earnings.isEmpty() ? Set.of() : lookup.knownEarnings(companyId, earnings),
                query(lineIds, lookup::lineOwners));
    }

    /**
     * The ERP projects (match keys) a line's project may be, in the order its activity is looked for: those the
     * platform project is linked to in the company's connections (a link wins, as it does at export), then the synced
     * project of that number.
     */
    private static Set<String> erpProjectKeys(String projectKey, Map<String, Long> projects,
            Map<String, List<String>> linked) {
        Set<String> keys = new LinkedHashSet<>();
        for (String number : linked.getOrDefault(projectKey, List.of())) {
            addIfPresent(keys, KeyNormalizer.matchKey(number));
        }
        if (projects.containsKey(projectKey)) {
            keys.add(projectKey);
        }
        return keys;
    }

    /** The activity of that code under the first of the line's ERP projects that has one; null when none has. */
    private static Long activity(String projectKey, String activityKey, Map<String, Long> projects,
            Map<String, List<String>> linked, Map<String, Long> activities) {
        for (String erpProject : erpProjectKeys(projectKey, projects, linked)) {
            Long id = activities.get(KeyNormalizer.compositeKey(erpProject, activityKey));
            if (id != null) {
                return id;
            }
        }
        return null;
    }

    private ValidLine line(String at, LineRequest line, Long companyId, Lookups found, Map<String, Integer> idsSeen,
            String timesheetId, Problems problems) {
        if (line == null) {
            problems.add(at.isEmpty() ? "body" : at.substring(0, at.length() - 1), "must be an object");
            return null;
        }
        int before = problems.size();

        String lineId = trimmed(line.lineId());
        if (lineId == null) {
            lineId = newLineId.get();
        } else if (!UUID_TEXT.matcher(lineId).matches()) {
            problems.add(at + "lineId", "must be a UUID");
        } else {
            lineId = lineId.toLowerCase(Locale.ROOT);
            Integer first = idsSeen.putIfAbsent(lineId, idsSeen.size());
            String owner = found == null ? null : found.lineOwners().get(lineId);
            if (first != null) {
                problems.add(at + "lineId", "appears more than once in this timesheet");
            } else if (owner != null && !owner.equals(timesheetId) && !at.isEmpty()) {
                problems.conflict(at + "lineId", "already a line of another timesheet");
            }
        }

        LocalDate date = date(at + "date", line.date(), problems);
        LocalTime start = time(at + "start", line.start(), problems);
        LocalTime end = time(at + "end", line.end(), problems);
        boolean clocked = clockTimes(at, line, start, end, problems);

        // the synced ERP project of that number, or a platform project linked in a connection's projects map (then
        // the line keeps the platform's code and each connection's export translates it through its own map)
        String projectKey = KeyNormalizer.matchKey(line.projectNumber());
        Long projectId = null;
        boolean projectKnown = false;
        if (projectKey == null) {
            problems.add(at + "projectNumber", "required");
        } else if (projectKey.length() > MAX_KEY) {
            problems.add(at + "projectNumber", "at most " + MAX_KEY + " characters");
        } else if (found != null) {
            projectId = found.projects().get(projectKey);
            projectKnown = projectId != null || found.linkedProjects().containsKey(projectKey);
            if (!projectKnown) {
                problems.add(at + "projectNumber", "no project of that number in this company, nor a platform project"
                        + " linked in the projects map of one of its connections (PUT /api/connections/{id}/maps/projects)");
            }
        }

        String activityKey = KeyNormalizer.matchKey(line.activityCode());
        Long activityId = null;
        Long serviceCodeId = null;
        if (activityKey != null) {
            if (activityKey.length() > MAX_KEY) {
                problems.add(at + "activityCode", "at most " + MAX_KEY + " characters");
            } else if (projectKnown) {
                // the project's own activity first: a service code of the same code does not hide it
                activityId = activity(projectKey, activityKey, found.projects(), found.linkedProjects(), found.activities());
                serviceCodeId = activityId == null ? found.serviceCodes().get(activityKey) : null;
                if (activityId == null && serviceCodeId == null) {
                    List<String> linked = found.linkedProjects().getOrDefault(projectKey, List.of());
                    problems.add(at + "activityCode", "no activity of that code in project "
                            + line.projectNumber().strip()
                            + (linked.isEmpty() ? "" : " (linked to " + String.join(", ", linked) + ")")
                            + ", nor a service code of this company");
                }
            }
        }

        String tradeKey = KeyNormalizer.matchKey(line.tradeCode());
        Long tradeId = null;
        if (tradeKey != null) {
            if (tradeKey.length() > MAX_KEY) {
                problems.add(at + "tradeCode", "at most " + MAX_KEY + " characters");
            } else if (found != null) {
                tradeId = found.trades().get(tradeKey);
                if (tradeId == null) {
                    problems.add(at + "tradeCode", "no trade of that code in this company");
                }
            }
        }

        BigDecimal hours = line.hours();
        if (hours == null) {
            problems.add(at + "hours", "required");
        } else if (hours.signum() <= 0 || hours.compareTo(MAX_HOURS) > 0) {
            problems.add(at + "hours", "must be more than 0 and at most 24");
        } else if (hours.stripTrailingZeros().scale() > 2) {
            problems.add(at + "hours", "at most 2 decimals");
        } else if (clocked) {
            long minutes = Duration.between(start, end).toMinutes();
            if (hours.multiply(MINUTES_PER_HOUR).compareTo(BigDecimal.valueOf(minutes)) > 0) {
                problems.add(at + "hours", String.format(Locale.ROOT, "at most the %d:%02d from start to end; a pause "
                        + "makes hours less, never more", minutes / 60, minutes % 60));
            }
        }

        String hourType = KeyNormalizer.matchKey(line.hourTypeCode());
        if (hourType != null) {
            if (hourType.length() > MAX_CODE) {
                problems.add(at + "hourTypeCode", "at most " + MAX_CODE + " characters");
            } else if (found != null && !found.hourTypes().contains(hourType)) {
                problems.add(at + "hourTypeCode", "not an hour type of this company (neither mapped nor synced)");
            }
        }

        List<LineEarning> earnings = earnings(at, line.earnings(), found, problems);

        if (problems.size() > before || companyId == null) {
            return null;
        }
        return new ValidLine(lineId, date, start, end, projectId, line.projectNumber().strip(), activityId,
                serviceCodeId, activityKey == null ? null : line.activityCode().strip(), tradeId,
                tradeKey == null ? null : line.tradeCode().strip(), hours, hourType, earnings);
    }

    private static LocalDate date(String field, String text, Problems problems) {
        if (text == null || text.isBlank()) {
            problems.add(field, "required");
            return null;
        }
        if (!DATE_TEXT.matcher(text).matches()) {
            problems.add(field, "must be a date YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            problems.add(field, "not a real date");
            return null;
        }
    }

    /** A clock time "HH:mm", 24-hour; null when absent (blank counts as absent: both-or-neither is checked apart). */
    private static LocalTime time(String field, String text, Problems problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!TIME_TEXT.matcher(text).matches()) {
            problems.add(field, "must be a time HH:mm (24-hour)");
            return null;
        }
        try {
            return LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME);
        } catch (DateTimeParseException e) {
            problems.add(field, "not a real time: 00:00 to 23:59");
            return null;
        }
    }

    /**
     * Start and end come together, end after start on the line's date; answers whether both are given and
     * valid, so that the hours may be checked against them.
     */
    private static boolean clockTimes(String at, LineRequest line, LocalTime start, LocalTime end, Problems problems) {
        boolean hasStart = line.start() != null && !line.start().isBlank();
        boolean hasEnd = line.end() != null && !line.end().isBlank();
        if (hasStart != hasEnd) {
            problems.add(at + (hasStart ? "end" : "start"), "required with " + (hasStart ? "start" : "end")
                    + ": give both clock times or neither");
            return false;
        }
        if (start == null || end == null) {
            return false;
        }
        if (!end.isAfter(start)) {
            problems.add(at + "end", "must be after start; split a line that crosses midnight");
            return false;
        }
        return true;
    }

    private static List<LineEarning> earnings(String at, List<EarningRequest> earnings, Lookups found,
            Problems problems) {
        if (earnings == null) {
            return List.of();
        }
        if (earnings.size() > MAX_EARNINGS) {
            problems.add(at + "earnings", "at most " + MAX_EARNINGS + " earnings per line");
            return List.of();
        }
        List<LineEarning> valid = new ArrayList<>(earnings.size());
        Set<String> seen = new LinkedHashSet<>();
        for (int j = 0; j < earnings.size(); j++) {
            String field = at + "earnings[" + j + "]";
            EarningRequest earning = earnings.get(j);
            if (earning == null) {
                problems.add(field, "must be an object");
                continue;
            }
            String code = KeyNormalizer.matchKey(earning.code());
            if (code == null) {
                problems.add(field + ".code", "required");
            } else if (code.length() > MAX_CODE) {
                problems.add(field + ".code", "at most " + MAX_CODE + " characters");
            } else if (!seen.add(code)) {
                problems.add(field + ".code", "appears more than once on this line");
            } else if (found != null && !found.earnings().contains(code)) {
                problems.add(field + ".code", "not an earning of this company (neither mapped nor synced)");
            }
            BigDecimal quantity = earning.quantity();
            if (quantity == null) {
                problems.add(field + ".quantity", "required");
            } else if (quantity.signum() <= 0) {
                problems.add(field + ".quantity", "must be more than 0");
            } else if (quantity.compareTo(MAX_QUANTITY) >= 0) {
                problems.add(field + ".quantity", "must be less than 10000000000");
            } else if (quantity.stripTrailingZeros().scale() > 4) {
                problems.add(field + ".quantity", "at most 4 decimals");
            }
            valid.add(new LineEarning(code, quantity));
        }
        return valid;
    }

    private static <V> Map<String, V> query(Set<String> keys, java.util.function.Function<Collection<String>, Map<String, V>> lookup) {
        return keys.isEmpty() ? Map.of() : lookup.apply(keys);
    }

    private static void addIfPresent(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }

    private static String bounded(String key, int max) {
        return key == null || key.length() > max ? null : key;
    }

    private static String trimmed(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private record Lookups(
            Map<String, Long> projects,
            Map<String, List<String>> linkedProjects,
            Map<String, Long> activities,
            Map<String, Long> serviceCodes,
            Map<String, Long> trades,
            Set<String> hourTypes,
            Set<String> earnings,
            Map<String, String> lineOwners) {
    }

    /**
     * The faults found so far, after the body's type errors ({@link TypeProblems}); a conflict only when nothing
     * else is wrong. {@link #size()} counts this validator's own.
     */
    private static final class Problems {
        private final List<FieldProblem> list = new ArrayList<>();
        private boolean onlyConflicts = true;

        void add(String field, String message) {
            list.add(new FieldProblem(field, message));
            onlyConflicts = false;
        }

        void conflict(String field, String message) {
            list.add(new FieldProblem(field, message));
        }

        int size() {
            return list.size();
        }

        boolean isEmpty() {
            return list.isEmpty() && TypeProblems.current().isEmpty();
        }

        InvalidTimesheetException failure() {
            return new InvalidTimesheetException(TypeProblems.merge(list),
                    onlyConflicts && TypeProblems.current().isEmpty());
        }
    }
}
