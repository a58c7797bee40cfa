package io.passerelle.timesheet;

import java.time.Instant;
import java.util.List;

/** A timesheet as the API shows it: codes as the platform wrote them, each line's export state per connection. */
public record TimesheetView(
        String id,
        String company,
        String employeeNumber,
        String status,
        Instant createdAt,
        Instant updatedAt,
        List<LineView> lines) {
}
