package io.passerelle.timesheet;

import java.math.BigDecimal;
import java.util.List;

import io.passerelle.request.MergesTypeProblems;

/**
 * One timesheet line as the platform writes it. {@code lineId} (a UUID) is generated when absent; it is the
 * export's idempotency key. {@code date} is text so that a date that is not one is named, not a parse error; so are
 * the optional clock times {@code start} and {@code end} ("HH:mm", 24-hour, both or neither).
 */
@MergesTypeProblems
public record LineRequest(
        String lineId,
        String date,
        String projectNumber,
        String activityCode,
        String tradeCode,
        BigDecimal hours,
        String hourTypeCode,
        List<EarningRequest> earnings,
        String start,
        String end) {
}
