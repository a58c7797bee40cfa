package io.passerelle.sandbox.sevenoffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.sandbox.kit.Query;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The filters and order of {@code GET /v1/customers} (24SevenOffice's {@code GetCustomers}): {@code isCompany},
 * {@code isSupplier} ({@code true}/{@code false}), {@code organizationNumber} (exactly as stored),
 * {@code modifiedFrom} and {@code createdFrom} (ISO 8601, the stamp greater or equal), {@code sortBy}
 * ({@code field:asc|desc}); id ascending unless sorted otherwise, and by id among equals, so pages are stable.
 * Paging ({@code limit}, {@code page}) is the kit's. Other parameters are ignored.
 */
final class CustomerQuery {

    private static final Pattern SORT_BY = Pattern.compile("(name|createdAt|modifiedAt|organizationNumber|id):(asc|desc)");
    private static final Comparator<JsonNode> BY_ID = Comparator.comparingLong(c -> c.path("id").asLong());

    private final Predicate<JsonNode> filter;
    private final Comparator<JsonNode> order;

    private CustomerQuery(Predicate<JsonNode> filter, Comparator<JsonNode> order) {
        this.filter = filter;
        this.order = order;
    }

    /** Refuses a bad value as the API does: 400 ValidationError naming the parameter and the rule it breaks. */
    static CustomerQuery parse(Query query) {
        Predicate<JsonNode> filter = flag(query, "isCompany").and(flag(query, "isSupplier"))
                .and(since(query, "modifiedFrom", "modifiedAt")).and(since(query, "createdFrom", "createdAt"));
        String organizationNumber = query.get("organizationNumber");
        if (organizationNumber != null) {
            filter = filter.and(c -> c.path("organizationNumber").isTextual()
                    && c.path("organizationNumber").asText().equals(organizationNumber));
        }
        return new CustomerQuery(filter, order(query.get("sortBy")));
    }

    Predicate<JsonNode> filter() {
        return filter;
    }

    Comparator<JsonNode> order() {
        return order;
    }

    private static Predicate<JsonNode> flag(Query query, String name) {
        String value = query.get(name);
        if (value == null) {
            return c -> true;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw SevenOfficeErrors.validation(name, "type");
        }
        boolean wanted = Boolean.parseBoolean(value);
        return c -> c.path(name).asBoolean() == wanted;
    }

    private static Predicate<JsonNode> since(Query query, String name, String field) {
        String value = query.get(name);
        if (value == null) {
            return c -> true;
        }
        Instant from = Timestamps.parseQuery(value);
        if (from == null) {
            throw SevenOfficeErrors.validation(name, "format");
        }
        return c -> !Timestamps.parseStored(c.path(field).asText()).isBefore(from);
    }

    private static Comparator<JsonNode> order(String sortBy) {
        if (sortBy == null) {
            return BY_ID;
        }
        Matcher m = SORT_BY.matcher(sortBy);
        if (!m.matches()) {
            throw SevenOfficeErrors.validation("sortBy", "pattern");
        }
        String field = m.group(1);
        Comparator<JsonNode> by = field.equals("id") ? BY_ID
                : Comparator.comparing((JsonNode c) -> c.path(field).isTextual() ? c.path(field).asText() : null,
                        Comparator.nullsLast(Comparator.naturalOrder()));
        // the stamps sort as text: every one is written the same way
        if (m.group(2).equals("desc")) {
            by = by.reversed();
        }
        return by.thenComparing(BY_ID);
    }
}
