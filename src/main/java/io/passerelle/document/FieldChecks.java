package io.passerelle.document;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import io.passerelle.approval.InvalidItemException;
import io.passerelle.connection.Connection;
import io.passerelle.connection.ConnectionDirectory;
import io.passerelle.connection.FieldProblem;
import io.passerelle.request.TypeProblems;

/**
 * The checks commitments and invoices share, collecting every problem before failing once
 * ({@link #failIfAny}). Messages name the rule, never echo a long value back. A plain helper, one per request.
 */
public final class FieldChecks {

    /** Limits shared by every financial document (commitments, invoices): they follow the V4 columns. */
    public static final int MAX_LINES = 500;
    public static final int MAX_REFERENCE = 40;
    public static final int MAX_ID = 64;
    public static final int MAX_DESCRIPTION = 1000;
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000000"); // numeric(16, 2)
    public static final BigDecimal MAX_QUANTITY = new BigDecimal("1000000000000"); // numeric(16, 4)
    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private final List<FieldProblem> problems = new ArrayList<>();

    public void add(String field, String message) {
        problems.add(new FieldProblem(field, message));
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<FieldProblem> problems() {
        return List.copyOf(problems);
    }

    /** Fails with every problem found, and the body's type errors ({@link TypeProblems}) first. */
    public void failIfAny(String what) {
        List<FieldProblem> all = TypeProblems.merge(problems);
        if (!all.isEmpty()) {
            throw new InvalidItemException("the " + what + " is not valid: see errors", all);
        }
    }

    /** Trimmed text; null (and "required" when it is) when blank; "at most n characters" when longer. */
    public String text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required");
            }
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            add(field, "at most " + max + " characters");
            return null;
        }
        return trimmed;
    }

    /** A real calendar date written {@code YYYY-MM-DD}. */
    public LocalDate date(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                add(field, "required");
            }
            return null;
        }
        String text = value.trim();
        if (!DATE_TEXT.matcher(text).matches()) {
            add(field, "a date written YYYY-MM-DD");
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(field, "not a real date");
            return null;
        }
    }

    /** Money: required, above 0, at most 2 decimals. */
    public BigDecimal amount(String field, BigDecimal value) {
        if (value == null) {
            add(field, "required");
            return null;
        }
        return decimal(field, value, false, 2, MAX_AMOUNT);
    }

    /** An optional quantity or unit cost: above 0 (or at least 0), at most {@code scale} decimals. */
    public BigDecimal optionalDecimal(String field, BigDecimal value, boolean zeroAllowed, int scale) {
        return value == null ? null : decimal(field, value, zeroAllowed, scale, MAX_QUANTITY);
    }

    private BigDecimal decimal(String field, BigDecimal value, boolean zeroAllowed, int scale, BigDecimal max) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        if (zeroAllowed ? value.signum() < 0 : value.signum() <= 0) {
            add(field, zeroAllowed ? "must be 0 or more" : "must be more than 0");
            return null;
        }
        if (plain.scale() > scale) {
            add(field, "at most " + scale + " decimals");
            return null;
        }
        if (value.compareTo(max) >= 0) {
            add(field, "must be less than " + max.toPlainString());
            return null;
        }
        return plain;
    }

    /**
     * The connection the item goes to: it must exist and belong to {@code companyCode}. Problems are named
     * {@code connection}. Empty when either is missing or wrong.
     */
    public Optional<Connection> connection(ConnectionDirectory connections, String connectionId, String companyCode) {
        if (connectionId == null || connectionId.isBlank()) {
            add("connection", "required");
            return Optional.empty();
        }
        Optional<Connection> found = connections.find(connectionId.trim());
        if (found.isEmpty()) {
            add("connection", "no such connection");
            return Optional.empty();
        }
        if (companyCode != null && !found.get().company().code().equals(companyCode)) {
            add("connection", "belongs to another company than " + companyCode);
            return Optional.empty();
        }
        return found;
    }

    /**
     * A line's amount against its quantity and unit cost: when the line has a quantity, its amount must be
     * quantity × unitCost rounded half-up to the cent, compared as numbers (12500 is 12500.00). A line without a
     * quantity is a lump sum and is not checked. Null values were refused already, or are missing.
     */
    public void lineAmount(String at, BigDecimal quantity, BigDecimal unitCost, BigDecimal amount) {
        if (quantity == null || amount == null) {
            return;
        }
        if (unitCost == null) {
            add(at + ".unitCost", "required when the line has a quantity: its amount is quantity × unitCost");
            return;
        }
        BigDecimal expected = quantity.multiply(unitCost).setScale(2, RoundingMode.HALF_UP);
        if (expected.compareTo(amount) != 0) {
            add(at + ".amount", "must be quantity × unitCost, " + quantity.toPlainString() + " × "
                    + unitCost.toPlainString() + " = " + expected.toPlainString() + ", not "
                    + amount.setScale(2).toPlainString());
        }
    }

    /**
     * The document's {@code total}, when it states one: money as {@link #amount}, equal to the sum of its lines'
     * amounts. Compared only when every line amount is known, so that a wrong line is not reported twice.
     */
    public void total(String field, BigDecimal total, List<BigDecimal> lineAmounts) {
        if (total == null) {
            return;
        }
        BigDecimal checked = decimal(field, total, false, 2, MAX_AMOUNT);
        if (checked == null || lineAmounts.isEmpty() || lineAmounts.contains(null)) {
            return;
        }
        BigDecimal sum = lineAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
        if (sum.compareTo(checked) != 0) {
            add(field, "must be the sum of the lines' amounts, " + sum.toPlainString() + ", not "
                    + checked.setScale(2).toPlainString());
        }
    }
}
