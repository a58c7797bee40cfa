package io.passerelle.timesheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One line as the API shows it; {@code export} is empty until an export considers the line. */
public record LineView(
        String lineId,
        LocalDate date,
        String projectNumber,
        String activityCode,
        String tradeCode,
        BigDecimal hours,
        String hourTypeCode,
        List<LineEarning> earnings,
        List<LineExport> export,
        Instant updatedAt) {
}
