package io.passerelle.timesheet;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * One line as the API shows it. {@code export} is the line's latest export state (API.md: one object, null
 * until an export considers the line); {@code exports} adds one entry per connection, for a company that
 * sends its lines to more than one ERP. {@code activityKind} says whether {@code activityCode} is an activity of the
 * project or a service code of the company (null when the line names none).
 */
public record LineView(
        String lineId,
        LocalDate date,
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
