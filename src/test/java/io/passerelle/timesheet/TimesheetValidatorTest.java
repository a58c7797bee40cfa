package io.passerelle.timesheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.connection.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The validator alone, on an in-memory {@link ReferenceLookup}. */
class TimesheetValidatorTest {

    private static final long COMPANY = 7;
    private static final String TAKEN = "99999999-8888-4777-8666-555555555555";

    private final FakeLookup lookup = new FakeLookup();
    private final TimesheetValidator validator = new TimesheetValidator(lookup, () -> "generated-id");

    private static LineRequest line(String date, String project, String activity, String hours) {
        return new LineRequest(null, date, project, activity, null, hours == null ? null : new BigDecimal(hours),
                null, null, null, null);
    }

    /** A line of P-1001 with clock times. */
    private static LineRequest clocked(String start, String end, String hours) {
        return new LineRequest(null, "2026-11-16", "P-1001", null, null, new BigDecimal(hours), null, null, start, end);
    }

    private static TimesheetRequest sheet(LineRequest... lines) {
        return new TimesheetRequest("ACME", "E-00042", null, Arrays.asList(lines));
    }

    private List<FieldProblem> problems(Runnable call) {
        InvalidTimesheetException e = catchThrowableOfType(InvalidTimesheetException.class, call::run);
        assertThat(e).as("expected the request to be refused").isNotNull();
        return e.problems();
    }

    private List<String> fields(Runnable call) {
        return problems(call).stream().map(FieldProblem::field).toList();
    }

    @Test
    void resolvesCodesAfterNormalisationAndKeepsThePlatformSpelling() {
        LineRequest line = new LineRequest(null, "2026-11-16", "P\u20111001", " 03-100 ", "CARP", new BigDecimal("8"),
                " REGULAR ", List.of(new EarningRequest("KM", new BigDecimal("42"))), null, null);
        ValidTimesheet valid = validator.validate(new TimesheetRequest(" ACME ", " E\u201100042 ",
                "validated", List.of(line)));
        assertThat(valid.companyId()).isEqualTo(COMPANY);
        assertThat(valid.employeeId()).isEqualTo(42);
        assertThat(valid.employeeNumber()).isEqualTo("E\u201100042");
        assertThat(valid.status()).isEqualTo(TimesheetStatus.VALIDATED);
        ValidLine v = valid.lines().get(0);
        assertThat(v.lineId()).isEqualTo("generated-id");
        assertThat(v.date()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(v.projectId()).isEqualTo(1001);
        assertThat(v.projectNumber()).isEqualTo("P\u20111001");
        assertThat(v.activityId()).isEqualTo(100);
        assertThat(v.activityCode()).isEqualTo("03-100");
        assertThat(v.tradeId()).isEqualTo(5);
        assertThat(v.hourTypeCode()).isEqualTo("REGULAR");
        assertThat(v.earnings()).containsExactly(new LineEarning("KM", new BigDecimal("42")));
        // one lookup per kind, whatever the number of lines
        assertThat(lookup.calls).containsOnlyOnce("projects", "activities", "trades", "hourTypes", "earnings");
    }

    @Test
    void anActivityCodeIsTheProjectsActivityElseAServiceCodeOfTheCompany() {
        ValidTimesheet valid = validator.validate(sheet(
                line("2026-11-16", "P-1001", "03-100", "8"),
                line("2026-11-16", "P-1001", " MAUR ", "8"),
                line("2026-11-16", "P-1002", "ARMI", "8"),
                line("2026-11-16", "P-1002", "03-100", "8")));

        assertThat(valid.lines()).extracting(ValidLine::activityId, ValidLine::serviceCodeId, ValidLine::activityCode)
                .containsExactly(
                        tuple(100L, null, "03-100"),
                        tuple(null, 11L, "MAUR"),
                        tuple(null, 12L, "ARMI"),
                        tuple(null, 13L, "03-100"));
        assertThat(lookup.calls).containsOnlyOnce("activities", "serviceCodes");
        assertThat(lookup.serviceCodeKeys).as("only the codes that are no activity of their project")
                .containsExactlyInAnyOrder("MAUR", "ARMI", "03-100");
    }

    @Test
    void aCodeThatIsNeitherAnActivityOfTheProjectNorAServiceCodeIsNamed() {
        InvalidTimesheetException e = catchThrowableOfType(InvalidTimesheetException.class, () -> validator.validate(
                sheet(line("2026-11-16", "P-1001", "MAUR", "8"), line("2026-11-16", "P-1002", "ZZZ", "8"))));

        assertThat(e.problems()).containsExactly(new FieldProblem("lines[1].activityCode",
                "no activity of that code in project P-1002, nor a service code of this company"));
        assertThat(fields(() -> validator.validateLine(COMPANY, TAKEN, line("2026-11-16", "P-1001", "04-200", "4"))))
                .containsExactly("activityCode");
        assertThat(validator.validateLine(COMPANY, TAKEN, line("2026-11-16", "P-1001", "ARMI", "4")).serviceCodeId())
                .isEqualTo(12L);
    }

    @Test
    void aPlatformProjectLinkedByAConnectionIsKeptAsTheLineNamesItWithTheActivitiesOfItsErpProject() {
        ValidTimesheet valid = validator.validate(sheet(
                line("2026-11-16", " DRV\u2011118 ", "04-200", "8"),
                line("2026-11-16", "DRV-118", "03-100", "8"),
                line("2026-11-16", "DRV-118", null, "8")));

        assertThat(valid.lines()).extracting(ValidLine::projectId, ValidLine::projectNumber, ValidLine::activityId,
                ValidLine::serviceCodeId).containsExactly(
                        tuple(null, "DRV\u2011118", 200L, null),
                        // 03-100 is an activity of P-1001, not of the P-1002 DRV-118 is linked to: the service code
                        tuple(null, "DRV-118", null, 13L),
                        tuple(null, "DRV-118", null, null));
        assertThat(lookup.calls).containsOnlyOnce("projects", "linkedProjects", "activities");
    }

    @Test
    void aProjectThatIsNeitherSyncedNorLinkedIsNamed() {
        assertThat(problems(() -> validator.validate(sheet(line("2026-11-16", "DRV-119", "04-200", "8")))))
                .containsExactly(new FieldProblem("lines[0].projectNumber", "no project of that number in this company,"
                        + " nor a platform project linked in the projects map of one of its connections"
                        + " (PUT /api/connections/{id}/maps/projects)"));
        assertThat(problems(() -> validator.validate(sheet(line("2026-11-16", "DRV-118", "ZZZ", "8")))))
                .containsExactly(new FieldProblem("lines[0].activityCode",
                        "no activity of that code in project DRV-118 (linked to P-1002), nor a service code of this company"));
    }

    @Test
    void noServiceCodeIsLookedUpWhenEveryCodeIsAnActivity() {
        validator.validate(sheet(line("2026-11-16", "P-1001", "03-100", "8"), line("2026-11-16", "P-1002", null, "8")));
        assertThat(lookup.calls).doesNotContain("serviceCodes");
    }

    @Test
    void clockTimesAreKeptAndHoursMayBeLessThanTheirSpanButNotMore() {
        List<ValidLine> lines = validator.validate(sheet(
                clocked("07:00", "16:00", "8.5"),   // a half-hour pause
                clocked("07:00", "15:30", "8.50"),  // no pause
                clocked("00:00", "23:59", "23.98"), // 1438.8 of 1439 minutes
                clocked("07:00", "07:45", "0.75"),
                line("2026-11-16", "P-1001", null, "8"))).lines();

        assertThat(lines).extracting(ValidLine::start, ValidLine::end).containsExactly(
                tuple(LocalTime.of(7, 0), LocalTime.of(16, 0)),
                tuple(LocalTime.of(7, 0), LocalTime.of(15, 30)),
                tuple(LocalTime.MIDNIGHT, LocalTime.of(23, 59)),
                tuple(LocalTime.of(7, 0), LocalTime.of(7, 45)),
                tuple(null, null));

        for (List<String> bad : List.of(List.of("07:00", "15:00", "8.01"), List.of("07:00", "07:45", "0.76"),
                List.of("00:00", "23:59", "24"))) {
            assertThat(problems(() -> validator.validate(sheet(clocked(bad.get(0), bad.get(1), bad.get(2))))))
                    .as(bad.toString()).singleElement().satisfies(p -> {
                        assertThat(p.field()).isEqualTo("lines[0].hours");
                        assertThat(p.message()).contains("from start to end").contains("a pause makes hours less");
                    });
        }
        assertThat(problems(() -> validator.validate(sheet(clocked("07:00", "15:00", "8.5")))))
                .containsExactly(new FieldProblem("lines[0].hours",
                        "at most the 8:00 from start to end; a pause makes hours less, never more"));
    }

    @Test
    void clockTimesComeBothOrNeither() {
        assertThat(problems(() -> validator.validate(sheet(line("2026-11-16", "P-1001", null, "8"),
                clocked("07:00", null, "8"), clocked(null, "16:00", "8"), clocked(" ", "16:00", "8")))))
                .extracting(FieldProblem::field).containsExactly("lines[1].end", "lines[2].start", "lines[3].start");
        assertThat(fields(() -> validator.validateLine(COMPANY, TAKEN, clocked("07:00", "", "1")))).containsExactly("end");
    }

    @Test
    void clockTimesAreRealTimesWrittenHhMm() {
        for (String bad : List.of("7:00", "07:00:00", "0700", "07h00", " 07:00", "07:00 ", "07:00Z", "T07:00",
                "\u0660\u0667:00")) {
            assertThat(problems(() -> validator.validate(sheet(clocked(bad, "16:00", "1"))))).as(bad)
                    .containsExactly(new FieldProblem("lines[0].start", "must be a time HH:mm (24-hour)"));
        }
        for (String unreal : List.of("24:00", "12:60", "99:99")) {
            assertThat(problems(() -> validator.validate(sheet(clocked("00:00", unreal, "1"))))).as(unreal)
                    .containsExactly(new FieldProblem("lines[0].end", "not a real time: 00:00 to 23:59"));
        }
    }

    @Test
    void theEndIsAfterTheStartOnTheLinesDate() {
        for (List<String> bad : List.of(List.of("16:00", "07:00"), List.of("08:00", "08:00"), List.of("22:00", "06:00"))) {
            assertThat(problems(() -> validator.validate(sheet(line("2026-11-16", "P-1001", null, "1"),
                    line("2026-11-16", "P-1001", null, "1"), clocked(bad.get(0), bad.get(1), "1"))))).as(bad.toString())
                    .containsExactly(new FieldProblem("lines[2].end",
                            "must be after start; split a line that crosses midnight"));
        }
        ValidLine corrected = validator.validateLine(COMPANY, TAKEN, clocked("22:00", "23:30", "1.5"));
        assertThat(corrected.start()).isEqualTo(LocalTime.of(22, 0));
        assertThat(corrected.end()).isEqualTo(LocalTime.of(23, 30));
        assertThat(fields(() -> validator.validateLine(COMPANY, TAKEN, clocked("23:00", "01:00", "2"))))
                .containsExactly("end");
    }

    @Test
    void theDefaultStatusIsDraftAndUuidsAreKeptLowerCase() {
        LineRequest line = new LineRequest("0B6F1E2A-3C4D-4E5F-8A9B-0C1D2E3F4A5B", "2026-11-16", "P-1001", null, null,
                new BigDecimal("8"), null, null, null, null);
        ValidTimesheet valid = validator.validate(sheet(line));
        assertThat(valid.status()).isEqualTo(TimesheetStatus.DRAFT);
        assertThat(valid.lines().get(0).lineId()).isEqualTo("0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b");
    }

    @Test
    void hoursAreMoreThanZeroAndAtMost24WithTwoDecimals() {
        for (String ok : List.of("0.01", "8", "23.75", "24", "24.00")) {
            assertThat(validator.validate(sheet(line("2026-11-16", "P-1001", null, ok))).lines()).as(ok).hasSize(1);
        }
        for (String bad : List.of("0", "-1", "24.01", "25", "8.125")) {
            assertThat(fields(() -> validator.validate(sheet(line("2026-11-16", "P-1001", null, bad))))).as(bad)
                    .containsExactly("lines[0].hours");
        }
    }

    @Test
    void datesAreRealDatesWrittenYyyyMmDd() {
        assertThat(validator.validate(sheet(line("2028-02-29", "P-1001", null, "8"))).lines().get(0).date())
                .isEqualTo(LocalDate.of(2028, 2, 29));
        for (String bad : List.of("2026-02-29", "2026-13-01", "2026-1-5", "16/11/2026", "+12026-01-01", "2026-11-16T08:00", "")) {
            assertThat(fields(() -> validator.validate(sheet(line(bad, "P-1001", null, "8"))))).as(bad)
                    .containsExactly("lines[0].date");
        }
    }

    @Test
    void namesEveryFieldAtFaultInOrder() {
        TimesheetRequest request = new TimesheetRequest("ACME", "E-404", "SIGNED", List.of(
                line("2026-11-16", "P-404", "03-100", "8"),
                line("2026-11-16", "P-1001", "04-200", "8"),
                new LineRequest("nope", "2026-11-16", "P-1001", null, "PLUMB", new BigDecimal("8"), "NIGHT",
                        List.of(new EarningRequest("MEAL", BigDecimal.ONE), new EarningRequest("KM", BigDecimal.ZERO),
                                new EarningRequest("KM", new BigDecimal("1.00001")), new EarningRequest(" ", null)),
                        null, null)));
        assertThat(fields(() -> validator.validate(request))).containsExactly(
                "employeeNumber", "status",
                "lines[0].projectNumber",
                "lines[1].activityCode",
                "lines[2].lineId", "lines[2].tradeCode", "lines[2].hourTypeCode",
                "lines[2].earnings[0].code", "lines[2].earnings[1].quantity",
                "lines[2].earnings[2].code", "lines[2].earnings[2].quantity",
                "lines[2].earnings[3].code", "lines[2].earnings[3].quantity");
    }

    @Test
    void anUnknownCompanyStillReportsTheShapeOfTheLines() {
        TimesheetRequest request = new TimesheetRequest("NOBODY", "E-00042", null, List.of(line("2026-02-30", "P-1001", null, "0")));
        assertThat(fields(() -> validator.validate(request))).containsExactly("company", "lines[0].date", "lines[0].hours");
        assertThat(fields(() -> validator.validate(new TimesheetRequest(null, " ", null, null))))
                .containsExactly("company", "employeeNumber", "lines");
        assertThat(fields(() -> validator.validate(null))).containsExactly("body");
        List<LineRequest> tooMany = new ArrayList<>();
        for (int i = 0; i <= TimesheetValidator.MAX_LINES; i++) {
            tooMany.add(line("2026-11-16", "P-1001", null, "1"));
        }
        assertThat(fields(() -> validator.validate(new TimesheetRequest("ACME", "E-00042", null, tooMany))))
                .containsExactly("lines");
        assertThat(fields(() -> validator.validate(sheet(line("2026-11-16", "P-1001", null, "1"), null))))
                .containsExactly("lines[1]");
    }

    @Test
    void aLineIdHeldByAnotherTimesheetIsAConflictUnlessSomethingElseIsWrong() {
        LineRequest taken = new LineRequest(TAKEN, "2026-11-16", "P-1001", null, null, BigDecimal.ONE, null, null, null,
                null);
        InvalidTimesheetException conflict = catchThrowableOfType(InvalidTimesheetException.class,
                () -> validator.validate(sheet(taken)));
        assertThat(conflict.conflict()).isTrue();
        assertThat(conflict.problems()).extracting(FieldProblem::field).containsExactly("lines[0].lineId");

        InvalidTimesheetException bad = catchThrowableOfType(InvalidTimesheetException.class,
                () -> validator.validate(sheet(taken, line("2026-11-16", "P-1001", null, "30"))));
        assertThat(bad.conflict()).isFalse();
        assertThat(bad.problems()).extracting(FieldProblem::field).containsExactly("lines[0].lineId", "lines[1].hours");

        // the timesheet that holds it may keep it
        assertThat(validator.validateLines(COMPANY, "sheet-1", List.of(taken))).hasSize(1);
        // twice in one request
        LineRequest again = new LineRequest(TAKEN.toUpperCase(), "2026-11-16", "P-1001", null, null, BigDecimal.ONE, null,
                null, null, null);
        assertThat(fields(() -> validator.validateLines(COMPANY, "sheet-1", List.of(taken, again))))
                .containsExactly("lines[1].lineId");
    }

    @Test
    void aCorrectedLineIsNamedWithoutPrefixAndKeepsItsId() {
        ValidLine fixed = validator.validateLine(COMPANY, TAKEN, line("2026-11-16", "P-1001", "03-100", "4"));
        assertThat(fixed.lineId()).isEqualTo(TAKEN);
        assertThat(fields(() -> validator.validateLine(COMPANY, TAKEN, new LineRequest("0b6f1e2a-3c4d-4e5f-8a9b-0c1d2e3f4a5b",
                "2026-11-16", "P-1001", "04-200", null, new BigDecimal("25"), null, null, null, null))))
                .containsExactly("lineId", "activityCode", "hours");
        assertThat(fields(() -> validator.validateLine(COMPANY, TAKEN, null))).containsExactly("body");
    }

    @Test
    void statusRules() {
        assertThat(TimesheetStatus.DRAFT.canBecome(TimesheetStatus.VALIDATED)).isTrue();
        assertThat(TimesheetStatus.VALIDATED.canBecome(TimesheetStatus.DRAFT)).isTrue();
        assertThat(TimesheetStatus.DRAFT.canBecome(TimesheetStatus.FROZEN)).isTrue();
        assertThat(TimesheetStatus.FROZEN.canBecome(TimesheetStatus.FROZEN)).isTrue();
        assertThat(TimesheetStatus.FROZEN.canBecome(TimesheetStatus.VALIDATED)).isFalse();
        assertThat(TimesheetStatus.FROZEN.canBecome(TimesheetStatus.DRAFT)).isFalse();
        assertThat(TimesheetStatus.parse(" frozen ")).contains(TimesheetStatus.FROZEN);
        assertThat(TimesheetStatus.parse("SIGNED")).isEmpty();
        assertThat(TimesheetStatus.parse(null)).isEmpty();
    }

    /**
     * Company ACME (7): employee E-00042, projects P-1001 (activity 03-100) and P-1002 (04-200), service codes MAUR,
     * ARMI and 03-100, trade CARP, hour types REG + mapped REGULAR, earnings KM, PRIME.
     */
    private static final class FakeLookup implements ReferenceLookup {
        final List<String> calls = new ArrayList<>();
        final List<String> serviceCodeKeys = new ArrayList<>();

        @Override
        public Optional<Long> companyId(String code) {
            return "ACME".equals(code) ? Optional.of(COMPANY) : Optional.empty();
        }

        @Override
        public Map<String, Long> employees(long companyId, Collection<String> keys) {
            calls.add("employees");
            return pick(Map.of("E-00042", 42L), keys);
        }

        @Override
        public Map<String, Long> projects(long companyId, Collection<String> keys) {
            calls.add("projects");
            return pick(Map.of("P-1001", 1001L, "P-1002", 1002L), keys);
        }

        /** Platform project DRV-118 is linked to P-1002 by one of the company's connections. */
        @Override
        public Map<String, List<String>> linkedProjects(long companyId, Collection<String> keys) {
            calls.add("linkedProjects");
            return pick(Map.of("DRV-118", List.of("P-1002")), keys);
        }

        @Override
        public Map<String, Long> activities(long companyId, Collection<String> keys) {
            calls.add("activities");
            return pick(Map.of(KeyNormalizer.compositeKey("P-1001", "03-100"), 100L,
                    KeyNormalizer.compositeKey("P-1002", "04-200"), 200L), keys);
        }

        @Override
        public Map<String, Long> serviceCodes(long companyId, Collection<String> keys) {
            calls.add("serviceCodes");
            serviceCodeKeys.addAll(keys);
            return pick(Map.of("MAUR", 11L, "ARMI", 12L, "03-100", 13L), keys);
        }

        @Override
        public Map<String, Long> trades(long companyId, Collection<String> keys) {
            calls.add("trades");
            return pick(Map.of("CARP", 5L), keys);
        }

        @Override
        public Set<String> knownHourTypes(long companyId, Collection<String> codes) {
            calls.add("hourTypes");
            return codes.stream().filter(Set.of("REG", "REGULAR")::contains).collect(Collectors.toSet());
        }

        @Override
        public Set<String> knownEarnings(long companyId, Collection<String> codes) {
            calls.add("earnings");
            return codes.stream().filter(Set.of("KM", "PRIME")::contains).collect(Collectors.toSet());
        }

        @Override
        public Map<String, String> lineOwners(Collection<String> lineIds) {
            return pick(Map.of(TAKEN, "sheet-1"), lineIds);
        }

        private static <V> Map<String, V> pick(Map<String, V> all, Collection<String> keys) {
            Map<String, V> found = new HashMap<>();
            keys.forEach(k -> {
                if (all.containsKey(k)) {
                    found.put(k, all.get(k));
                }
            });
            return found;
        }
    }
}
