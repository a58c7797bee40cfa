package io.passerelle.sandbox.abacus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Abacus checks before it stores a project booking: one {@code details} entry per fault, so that a client
 * can name every field it got wrong at once. Numbers may come as strings; the booking is stored with numbers.
 */
final class ProjectBookingRules {

    static final int TEXT_MAX = 80;
    private static final Set<String> TYPES = Set.of("Booking");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final BigDecimal MAX_HOURS = BigDecimal.valueOf(24);

    private ProjectBookingRules() {
    }

    /** The faults of {@code body}; when there are none, {@code body} has been normalised to what is stored. */
    static List<AbacusErrors.Detail> check(ObjectNode body, AbacusDataset dataset) {
        List<AbacusErrors.Detail> faults = new ArrayList<>();
        String id = body.path("Id").asText("");
        if (!UUID.matcher(id).matches()) {
            faults.add(new AbacusErrors.Detail("MissingId", "The Id must be a client-supplied uuid", "Id"));
        } else {
            body.put("Id", id.toLowerCase(Locale.ROOT));
        }
        if (!TYPES.contains(body.path("Type").asText(""))) {
            faults.add(new AbacusErrors.Detail("InvalidType", "The Type " + body.path("Type").asText("(none)")
                    + " is not one of " + TYPES, "Type"));
        }
        try {
            LocalDate.parse(body.path("Date").asText(""));
        } catch (DateTimeParseException e) {
            faults.add(new AbacusErrors.Detail("InvalidDate", "The Date " + body.path("Date").asText("(none)")
                    + " is not a date (yyyy-MM-dd)", "Date"));
        }
        reference(body, "EmployeeId", AbacusSet.Employees, "UnknownEmployee", "Employee", dataset, faults);
        reference(body, "ProjectId", AbacusSet.Projects, "UnknownProject", "Project", dataset, faults);
        reference(body, "ServiceCodeId", AbacusSet.ServiceCodes, "UnknownServiceCode", "Service code", dataset, faults);
        quantity(body, faults);
        String text = body.path("Text").asText("");
        if (text.length() > TEXT_MAX) {
            faults.add(new AbacusErrors.Detail("TextTooLong", "The Text has " + text.length() + " characters, at most "
                    + TEXT_MAX + " are allowed", "Text"));
        }
        return faults;
    }

    private static void reference(ObjectNode body, String field, AbacusSet set, String code, String what,
                                  AbacusDataset dataset, List<AbacusErrors.Detail> faults) {
        Long id = number(body.path(field));
        if (id != null && dataset.isActive(set, id)) {
            body.put(field, id);
            return;
        }
        String shown = body.path(field).isMissingNode() ? "(none)" : body.path(field).asText();
        boolean exists = id != null && dataset.get(set, id) != null;
        faults.add(new AbacusErrors.Detail(code, what + " " + shown + (exists ? " is inactive" : " does not exist"),
                field));
    }

    private static void quantity(ObjectNode body, List<AbacusErrors.Detail> faults) {
        JsonNode internal = body.path("Values").path("InternalValue");
        JsonNode node = internal.path("Quantity");
        BigDecimal quantity = null;
        try {
            if (node.isNumber()) {
                quantity = node.decimalValue();
            } else if (node.isTextual()) {
                quantity = new BigDecimal(node.asText().trim());
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        if (quantity == null || quantity.signum() <= 0 || quantity.compareTo(MAX_HOURS) > 0) {
            faults.add(new AbacusErrors.Detail("InvalidQuantity", "The quantity "
                    + (node.isMissingNode() ? "(none)" : node.asText()) + " must be a number of hours above 0 and at most 24",
                    "Values/InternalValue/Quantity"));
        } else {
            ((ObjectNode) internal).put("Quantity", quantity);
        }
    }

    /** An integer sent as a number or as a string of digits; null otherwise. */
    private static Long number(JsonNode node) {
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isTextual() && node.asText().trim().matches("\\d{1,18}")) {
            return Long.parseLong(node.asText().trim());
        }
        return null;
    }
}
