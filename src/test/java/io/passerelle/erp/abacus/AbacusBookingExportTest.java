package io.passerelle.erp.abacus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.SandboxTest;
import io.passerelle.run.RunView;
import io.passerelle.run.SyncMode;
import io.passerelle.run.Trigger;
import io.passerelle.sandbox.abacus.AbacusSet;
import io.passerelle.sandbox.abacus.AbacusSimulator;
import io.passerelle.export.ExportLauncher;
import io.passerelle.sync.SyncLauncher;
import io.passerelle.timesheet.LineRequest;
import io.passerelle.timesheet.LineView;
import io.passerelle.timesheet.TimesheetRequest;
import io.passerelle.timesheet.TimesheetService;
import io.passerelle.timesheet.TimesheetStatus;
import io.passerelle.timesheet.TimesheetView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Clocked hours reach AbaProject as project bookings exactly once: a resend is the same booking (409, read back), a
 * lost answer is read back by Id before anything is resent, and lines Abacus could not take are refused by name.
 * Each test books for an employee of its own and leaves nothing pending.
 */
@SandboxTest
class AbacusBookingExportTest {

    static final String CONNECTION = "sandbox-abacus";
    static final String BOOKINGS = "ProjectBookings";
    /** Employees 1001…1120; each test takes the next one, so that its bookings are its own. */
    static final AtomicInteger NEXT_EMPLOYEE = new AtomicInteger(1060);

    @Autowired
    SyncLauncher sync;
    @Autowired
    ExportLauncher export;
    @Autowired
    TimesheetService timesheets;
    @Autowired
    AbacusSimulator simulator;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void masterDataIn() {
        List<RunView> runs = sync.runAndWait(CONNECTION, "all", Trigger.API, SyncMode.INCREMENTAL);
        assertThat(runs).allSatisfy(run -> assertThat(run.status()).as(run.flow() + ": " + run.message()).isEqualTo("SUCCEEDED"));
    }

    @AfterEach
    void wellBehavedAgain() {
        simulator.reset();
    }

    @Test
    void tenClockedLinesBecomeTenBookingsWithTheirHoursAndClockTimesAndASecondExportSendsNothing() {
        TimesheetView sheet = clocked(10, "26003", "110");

        RunView run = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(run.status()).as(run.message()).isEqualTo("SUCCEEDED");
        assertThat(run.counts()).containsEntry("read", 10).containsEntry("sent", 10).containsEntry("accepted", 10)
                .containsEntry("rejected", 0).containsEntry("unknown", 0);
        Map<String, ObjectNode> booked = bookings(sheet);
        assertThat(booked).hasSize(10);
        for (LineView line : sheet.lines()) {
            ObjectNode booking = booked.get(AbacusBookings.bookingId(line.lineId()));
            assertThat(booking.path("Type").asText()).isEqualTo("Booking");
            assertThat(booking.path("Date").asText()).isEqualTo(line.date().toString());
            assertThat(booking.path("EmployeeId").asLong()).isEqualTo(Long.parseLong(sheet.employeeNumber()));
            assertThat(booking.path("ProjectId").asLong()).isEqualTo(26003);
            assertThat(booking.path("ServiceCodeId").asLong()).isEqualTo(110);
            assertThat(booking.path("Values").path("InternalValue").path("Quantity").decimalValue())
                    .isEqualByComparingTo(line.hours());
            assertThat(booking.path("Values").path("TimeFrom").asText()).isEqualTo("07:00:00");
            assertThat(booking.path("Values").path("TimeTo").asText()).isEqualTo("15:30:00");
            assertThat(booking.path("Text").asText()).isEqualTo("Passerelle timesheet " + sheet.id());
        }
        assertThat(timesheets.get(sheet.id()).status()).isEqualTo("FROZEN");
        assertThat(timesheets.get(sheet.id()).lines()).allSatisfy(line ->
                assertThat(line.export().state()).isEqualTo("ACCEPTED"));

        long posts = simulator.requests("POST", BOOKINGS);
        RunView again = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(again.counts()).containsEntry("read", 0).containsEntry("sent", 0);
        assertThat(simulator.requests("POST", BOOKINGS)).isEqualTo(posts);
        assertThat(bookings(sheet)).hasSize(10);
    }

    @Test
    void aBookingStoredWhoseAnswerWasLostIsReadBackNotResentAndAbacusEndsWithExactlyTen() {
        TimesheetView sheet = clocked(10, "26004", "120");
        simulator.faults().cutAfterWriteNext();

        RunView cut = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(cut.counts()).as(cut.message()).containsEntry("sent", 10).containsEntry("accepted", 9)
                .containsEntry("unknown", 1);
        assertThat(bookings(sheet)).as("stored, though its answer was lost").hasSize(10);

        long posts = simulator.requests("POST", BOOKINGS);
        RunView reconciled = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(reconciled.status()).as(reconciled.message()).isEqualTo("SUCCEEDED");
        assertThat(reconciled.counts()).containsEntry("accepted", 1).containsEntry("sent", 0);
        assertThat(simulator.requests("POST", BOOKINGS)).as("read back by Id, nothing resent").isEqualTo(posts);

        RunView quiet = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(quiet.counts()).containsEntry("read", 0).containsEntry("sent", 0);
        assertThat(bookings(sheet)).hasSize(10);
        assertThat(timesheets.get(sheet.id()).lines()).allSatisfy(line ->
                assertThat(line.export().state()).isEqualTo("ACCEPTED"));
    }

    /** The ledger is gone (a restored database): the same lines go again, and Abacus's 409 on their Ids says it has them. */
    @Test
    void aResendIsTheSameBookingAbacusRefusesWith409AndCountsAsDelivered() {
        TimesheetView sheet = clocked(3, "26005", "100");
        RunView first = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(first.counts()).containsEntry("accepted", 3);

        List<String> lineIds = sheet.lines().stream().map(LineView::lineId).toList();
        jdbc.update("delete from export_item where source_id in (?, ?, ?)", lineIds.toArray());
        RunView resent = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(resent.status()).as(resent.message()).isEqualTo("SUCCEEDED");
        assertThat(resent.counts()).containsEntry("sent", 3).containsEntry("duplicates", 3).containsEntry("accepted", 0);
        assertThat(bookings(sheet)).hasSize(3);
        assertThat(timesheets.get(sheet.id()).lines()).allSatisfy(line -> {
            assertThat(line.export().state()).isEqualTo("DUPLICATE");
            assertThat(line.export().message()).contains("Abacus already held ProjectBooking");
        });
    }

    @Test
    void linesAbacusCannotTakeAreRefusedByNameAndA400sDetailsNameTheFieldAndCode() {
        long posts = simulator.requests("POST", BOOKINGS);
        TimesheetView inactive = clocked(1, "26012", "110");
        TimesheetView oldCode = clocked(1, "26003", "210");
        RunView refused = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(refused.counts()).containsEntry("rejected", 2).containsEntry("sent", 0);
        assertThat(simulator.requests("POST", BOOKINGS)).as("refused before sending").isEqualTo(posts);
        assertThat(timesheets.get(inactive.id()).lines().get(0).export()).satisfies(e -> {
            assertThat(e.code()).isEqualTo(AbacusBookingSink.INACTIVE_REFERENCE);
            assertThat(e.message()).isEqualTo("projectNumber: project 26012 is inactive in Abacus");
        });
        assertThat(timesheets.get(oldCode.id()).lines().get(0).export().message())
                .isEqualTo("activityCode: service code 210 is inactive in Abacus");

        // rejected lines are picked up by every run until they are fixed; these two are taken back instead
        timesheets.changeStatus(inactive.id(), TimesheetStatus.DRAFT);
        timesheets.changeStatus(oldCode.id(), TimesheetStatus.DRAFT);

        // made inactive in Abacus after the last sync: Abacus itself refuses, and its details say why
        simulator.dataset().modify(AbacusSet.Projects, 26006, "IsInactive", true);
        TimesheetView late;
        try {
            late = clocked(1, "26006", "110");
            RunView rejected = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
            assertThat(rejected.counts()).containsEntry("sent", 1).containsEntry("rejected", 1);
            assertThat(timesheets.get(late.id()).lines().get(0).export()).satisfies(e -> {
                assertThat(e.state()).isEqualTo("REJECTED");
                assertThat(e.code()).isEqualTo("UnknownProject");
                assertThat(e.message()).contains("ProjectId: UnknownProject (Project 26006 is inactive)");
            });
        } finally {
            simulator.dataset().modify(AbacusSet.Projects, 26006, "IsInactive", false);
        }
        // active again in Abacus: the rejected line goes with the next run, as the same booking
        RunView fixed = export.runAndWait(CONNECTION, "timesheets", Trigger.API);
        assertThat(fixed.counts()).containsEntry("read", 1).containsEntry("accepted", 1);
        assertThat(bookings(late)).hasSize(1);
    }

    /** A validated sheet of {@code lines} days for the next employee, each clocked 07:00 to 15:30 with 8 hours. */
    private TimesheetView clocked(int lines, String project, String serviceCode) {
        String employee = String.valueOf(NEXT_EMPLOYEE.incrementAndGet());
        List<LineRequest> requests = new ArrayList<>();
        for (int day = 0; day < lines; day++) {
            requests.add(new LineRequest(null, LocalDate.of(2026, 11, 2).plusDays(day).toString(), project, serviceCode,
                    null, new BigDecimal("8.00"), null, null, "07:00", "15:30"));
        }
        return timesheets.create(new TimesheetRequest("ALPBAU", employee, "VALIDATED", requests));
    }

    /** The bookings Abacus holds for the sheet's lines, by booking Id. */
    private Map<String, ObjectNode> bookings(TimesheetView sheet) {
        List<String> ids = sheet.lines().stream().map(line -> AbacusBookings.bookingId(line.lineId())).toList();
        return simulator.bookings().stream().filter(b -> ids.contains(b.path("Id").asText()))
                .collect(Collectors.toMap(b -> b.path("Id").asText(), b -> b));
    }
}
