package io.passerelle.timesheet;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;

/**
 * One line as the API shows it. {@code export} is the line's latest export state (API.md: one object, null
 * until an export considers the line); {@code exports} adds one entry per connection, for a company that
 * sends its lines to more than one ERP. {@code activityKind} says whether {@code activityCode} is an activity of the
 * project or a service code of the company (null when the line names none); {@code start} and {@code end} are the
 * clock times as the platform wrote them, "HH:mm", null when it gave none.
 */
public record LineView(
        String lineId,
        LocalDate date,
        @JsonFormat(pattern = "HH:mm") LocalTime start,
        @JsonFormat(pattern = "HH:mm") LocalTime end,
        String projectNumber,
        String activityCode,
        ActivityKind activityKind,
        String tradeCode,
        BigDecimal hours,
        String hourTypeCode,
        List<LineEarning> earnings,
        List<LineExport> exports,
        Instant updatedAt) {

    @JsonProperty("export")
    public LineExport export() {
        return exports.stream().max(Comparator.comparing(LineExport::updatedAt, Comparator.nullsFirst(Comparator.naturalOrder())))
                .orElse(null);
    }
}
