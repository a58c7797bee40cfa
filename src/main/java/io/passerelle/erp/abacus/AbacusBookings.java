package io.passerelle.erp.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.passerelle.erp.http.ErrorBodies;
import io.passerelle.erp.http.HttpAnswer;
import io.passerelle.export.ExportState;
import io.passerelle.export.ItemOutcome;
import io.passerelle.timesheet.ExportableLine;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Timesheet lines as AbaProject project bookings, and what Abacus answered of one, in plain Java. A booking's
 * {@code Id} is derived from the line's id, so that sending a line again is the same booking, which Abacus refuses
 * with a 409 instead of storing it twice.
 */
final class AbacusBookings {

    static final String TYPE = "Booking";
    static final int TEXT_MAX = 80;
    /** Refused by Abacus with a 400 and no details to name. */
    static final String VALIDATION_FAILED = "ValidationFailed";
    private static final String NAMESPACE = "passerelle/timesheet-line/";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private AbacusBookings() {
    }

    /** The same id for the same line, every time and on every instance: a name-based UUID of the line id. */
    static String bookingId(String lineId) {
        return UUID.nameUUIDFromBytes((NAMESPACE + lineId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * {@code Type: Booking}, the date, the three Ids, the hours as the internal quantity, the clock times when the line
     * has them, and a text that leads back to the platform's timesheet.
     */
    static ObjectNode booking(ObjectMapper mapper, ExportableLine line, long employeeId, long projectId, long serviceCodeId) {
        ObjectNode booking = mapper.createObjectNode();
        booking.put("Id", bookingId(line.lineId()));
        booking.put("Type", TYPE);
        booking.put("Date", line.date().toString());
        booking.put("EmployeeId", employeeId);
        booking.put("ProjectId", projectId);
        booking.put("ServiceCodeId", serviceCodeId);
        booking.put("Text", text(line));
        ObjectNode values = booking.putObject("Values");
        values.putObject("InternalValue").put("Quantity", line.hours());
        if (line.start() != null && line.end() != null) {
            values.put("TimeFrom", time(line.start()));
            values.put("TimeTo", time(line.end()));
        }
        return booking;
    }

    static String text(ExportableLine line) {
        String text = "Passerelle timesheet " + line.timesheetId();
        return text.length() > TEXT_MAX ? text.substring(0, TEXT_MAX) : text;
    }

    private static String time(LocalTime time) {
        return TIME.format(time);
    }

    static ItemOutcome accepted(String key, String bookingId, JsonNode stored) {
        return new ItemOutcome(key, ExportState.ACCEPTED, null, "ProjectBooking " + bookingId + number(stored));
    }

    /** A 409 on the booking's own Id, and the read-back found it: delivered before, not stored twice. */
    static ItemOutcome held(String key, String bookingId, JsonNode stored) {
        return new ItemOutcome(key, ExportState.DUPLICATE, "DUPLICATE",
                "Abacus already held ProjectBooking " + bookingId + number(stored));
    }

    /**
     * A 400: the line's rejection names each field Abacus refused and Abacus's code for it, e.g.
     * {@code EmployeeId: UnknownEmployee (Employee 9999 does not exist)}; the first detail's code is the line's.
     */
    static ItemOutcome rejected(String key, HttpAnswer answer) {
        JsonNode error = ErrorBodies.parse(answer.body());
        JsonNode details = error == null ? null : error.path("error").path("details");
        List<String> faults = new ArrayList<>();
        String code = null;
        if (details != null && details.isArray()) {
            for (JsonNode detail : details) {
                String detailCode = detail.path("code").asText(null);
                code = code == null ? detailCode : code;
                String target = detail.path("target").asText(null);
                String message = detail.path("message").asText(null);
                faults.add((target == null ? "" : target + ": ") + (detailCode == null ? "" : detailCode)
                        + (message == null ? "" : " (" + message + ")"));
            }
        }
        if (faults.isEmpty()) {
            String bodyCode = ErrorBodies.code(answer.body());
            return new ItemOutcome(key, ExportState.REJECTED, bodyCode == null ? VALIDATION_FAILED : bodyCode,
                    "Abacus refused the booking: " + ErrorBodies.describe(answer));
        }
        return new ItemOutcome(key, ExportState.REJECTED, code == null ? VALIDATION_FAILED : code,
                "Abacus refused the booking: " + String.join("; ", faults));
    }

    private static String number(JsonNode stored) {
        JsonNode number = stored == null ? null : stored.path("Number");
        return number != null && number.isValueNode() && !number.isNull() ? " (Number " + number.asText() + ")" : "";
    }
}
