package io.passerelle.sandbox.avantage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A timesheet line as the server holds it: the parsed fields it validates, and the JSON as posted
 * (known fields only) that GET_TIMESHEET_LINES gives back.
 *
 * @param lineId   the client's idempotency key, as text (a numeric lineId is held by its decimal text)
 * @param activity optional
 * @param trade    optional
 */
public record TimesheetLine(String lineId, String employee, String project, String activity, String trade,
                            LocalDate date, BigDecimal hours, String hourType, List<EarningQuantity> earnings,
                            ObjectNode json) {

    public TimesheetLine {
        earnings = List.copyOf(earnings);
    }

    /** A copy, so that readers cannot alter what the server holds. */
    @Override
    public ObjectNode json() {
        return json.deepCopy();
    }

    ObjectNode jsonView() {
        return json;
    }

    public record EarningQuantity(String code, BigDecimal quantity) {
    }
}
