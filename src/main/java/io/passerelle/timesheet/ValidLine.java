package io.passerelle.timesheet;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A line that passed validation: the canonical ids it resolved to, and the platform's own spelling of each
 * code to show back. {@code activityCode} resolved to an activity ({@code activityId}) or a service code
 * ({@code serviceCodeId}), never both; both are null when the line names none. {@code start} and {@code end} are the
 * clock times, both or neither. {@code projectId} is null when the line names a platform project (linked in a
 * connection's projects map) rather than a synced ERP project. Hour type and earning codes are normalised
 * ({@link io.passerelle.canonical.KeyNormalizer#matchKey}), as code maps key them.
 */
public record ValidLine(
        String lineId,
        LocalDate date,
        LocalTime start,
        LocalTime end,
        Long projectId,
        String projectNumber,
        Long activityId,
        Long serviceCodeId,
        String activityCode,
        Long tradeId,
        String tradeCode,
        BigDecimal hours,
        String hourTypeCode,
        List<LineEarning> earnings) {
}
