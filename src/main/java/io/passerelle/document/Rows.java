package io.passerelle.document;

import io.passerelle.approval.ApprovalState;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Conversions the stores of financial documents share (money, decimals, instants, the shown state). */
final class Rows {

    private Rows() {
    }

    /** EXPORTED when the item is ACCEPTED and the ERP holds it (export_item ACCEPTED or DUPLICATE). */
    public static ApprovalState effectiveState(String stored, String exportState) {
        ApprovalState state = ApprovalState.valueOf(stored);
        if (state == ApprovalState.ACCEPTED && ("ACCEPTED".equals(exportState) || "DUPLICATE".equals(exportState))) {
            return ApprovalState.EXPORTED;
        }
        return state;
    }

    /** Money with its 2 decimals. */
    public static BigDecimal money(BigDecimal value) {
        return value == null ? null : value.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** A decimal without trailing zeros ({@code 2.5000} → {@code 2.5}, {@code 10.00} → {@code 10}). */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Parses a keyset {@code after} that is a source or item number; 0 (before all) when absent. */
    public static long afterId(String after) {
        if (after == null || after.isBlank()) {
            return 0L;
        }
        try {
            return Long.parseLong(after.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an id: " + after);
        }
    }
}
