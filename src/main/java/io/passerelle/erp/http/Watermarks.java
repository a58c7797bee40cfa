package io.passerelle.erp.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

/** The instant an item was last modified, read from it: what moves a sync's cursor. */
public final class Watermarks {

    private Watermarks() {
    }

    /** The instant at a JSON pointer of the item, e.g. {@code /LastModifiedDateTime/value}; null when absent or unreadable. */
    public static Function<JsonNode, Instant> at(String pointer) {
        return item -> {
            JsonNode value = item.at(pointer);
            return value.isTextual() ? instant(value.asText()) : null;
        };
    }

    /**
     * An ISO 8601 instant with its offset: {@code 2026-03-02T13:00:17Z}, {@code …+01:00}, and 24SevenOffice's
     * {@code 2026-03-02 10:00:07.000Z} (a space for the {@code T}). Null without an offset: a local time says
     * nothing certain about the order of changes.
     */
    public static Instant instant(String text) {
        String iso = text.strip();
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11);
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
