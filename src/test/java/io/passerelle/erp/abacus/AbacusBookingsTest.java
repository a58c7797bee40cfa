package io.passerelle.erp.abacus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.export.ExportState;
import io.passerelle.export.ItemOutcome;
import io.passerelle.timesheet.ActivityKind;
import io.passerelle.timesheet.ExportableLine;
import io.passerelle.timesheet.TimesheetStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AbacusBookingsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LINE = "0b6f6b53-3f1c-4f5e-9d56-6f2f0f7b1a01";

    private static ExportableLine line(LocalTime start, LocalTime end) {
        return new ExportableLine(LINE, "ts-42", TimesheetStatus.VALIDATED, "1001", "26003", "26003", "110",
                ActivityKind.SERVICE_CODE, null, LocalDate.of(2026, 3, 5), start, end, new BigDecimal("7.50"), null,
                List.of(), null);
    }

    @Test
    void aLineIsAlwaysTheSameBookingAndAnotherLineAnother() {
        String id = AbacusBookings.bookingId(LINE);
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(AbacusBookings.bookingId(LINE)).isEqualTo(id);
        assertThat(AbacusBookings.bookingId("0b6f6b53-3f1c-4f5e-9d56-6f2f0f7b1a02")).isNotEqualTo(id);
        assertThat(id).as("derived, not the line id itself").isNotEqualTo(LINE);
    }

    @Test
    void aBookingCarriesTheIdsTheHoursAndTheClockTimesWhenGiven() throws Exception {
        ObjectNode booking = AbacusBookings.booking(JSON, line(LocalTime.of(7, 0), LocalTime.of(15, 0)), 1001, 26003, 110);
        assertThat(JSON.readTree(booking.toString())).isEqualTo(JSON.readTree("""
                {"Id":"%s","Type":"Booking","Date":"2026-03-05","EmployeeId":1001,"ProjectId":26003,"ServiceCodeId":110,
                 "Text":"Passerelle timesheet ts-42",
                 "Values":{"InternalValue":{"Quantity":7.50},"TimeFrom":"07:00:00","TimeTo":"15:00:00"}}"""
                .formatted(AbacusBookings.bookingId(LINE))));
        ObjectNode unclocked = AbacusBookings.booking(JSON, line(null, null), 1001, 26003, 110);
        assertThat(unclocked.path("Values").has("TimeFrom")).isFalse();
        assertThat(unclocked.path("Values").has("TimeTo")).isFalse();
    }

    @Test
    void a400sDetailsNameEachFieldWithAbacusCode() {
        HttpAnswer answer = new HttpAnswer(400, """
                {"error":{"code":"ValidationFailed","message":"The entity could not be saved","details":[
                  {"code":"UnknownEmployee","message":"Employee 9999 does not exist","target":"EmployeeId"},
                  {"code":"TextTooLong","message":"The Text has 81 characters, at most 80 are allowed","target":"Text"}]}}""",
                Map.of());
        ItemOutcome outcome = AbacusBookings.rejected(LINE, answer);
        assertThat(outcome.state()).isEqualTo(ExportState.REJECTED);
        assertThat(outcome.code()).isEqualTo("UnknownEmployee");
        assertThat(outcome.message()).isEqualTo("Abacus refused the booking: EmployeeId: UnknownEmployee (Employee 9999 "
                + "does not exist); Text: TextTooLong (The Text has 81 characters, at most 80 are allowed)");

        ItemOutcome bare = AbacusBookings.rejected(LINE, new HttpAnswer(400, "{\"error\":{\"code\":\"BadRequest\","
                + "\"message\":\"The body must be a ProjectBooking object\"}}", Map.of()));
        assertThat(bare.code()).isEqualTo("BadRequest");
        assertThat(bare.message()).contains("The body must be a ProjectBooking object");
    }

    @Test
    void theTextLeadsBackToTheTimesheetWithinAbacussEightyCharacters() {
        ExportableLine longId = new ExportableLine(LINE, "x".repeat(90), TimesheetStatus.VALIDATED, "1001", "26003", "26003", "110",
                ActivityKind.SERVICE_CODE, null, LocalDate.of(2026, 3, 5), null, null, BigDecimal.ONE, null, List.of(), null);
        assertThat(AbacusBookings.text(longId)).hasSize(AbacusBookings.TEXT_MAX).startsWith("Passerelle timesheet x");
    }
}
