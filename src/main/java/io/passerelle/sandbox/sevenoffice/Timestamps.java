package io.passerelle.sandbox.sevenoffice;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * 24SevenOffice's two ways of writing an instant: records carry {@code 2026-03-02 10:00:07.000Z} (a space for the
 * {@code T}, always milliseconds, UTC), while query parameters such as {@code modifiedFrom} take ISO 8601.
 */
final class Timestamps {

    private static final DateTimeFormatter STORED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    /** As a record carries it: {@code 2026-03-02 10:00:07.000Z}. */
    static String format(Instant instant) {
        return STORED.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }

    /** A record's stamp, as {@link #format} wrote it. */
    static Instant parseStored(String stamp) {
        return OffsetDateTime.parse(stamp.replace(' ', 'T')).toInstant();
    }

    /**
     * A query parameter's ISO 8601 date or date-time: {@code 2026-03-01T00:00:00Z}, with a fraction or an offset,
     * the records' own form with a space, a date-time without offset or a bare date (both read as UTC, the
     * server's zone). Null when it is none of these.
     */
    static Instant parseQuery(String value) {
        String iso = value.strip();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            if (iso.length() == 10) {
                return LocalDate.parse(iso).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            try {
                return OffsetDateTime.parse(iso).toInstant();
            } catch (DateTimeParseException withoutOffset) {
                return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
