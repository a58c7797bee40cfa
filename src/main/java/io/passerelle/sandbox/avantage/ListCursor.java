package io.passerelle.sandbox.avantage;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * The opaque {@code next} cursor: the LIST position of the last item sent. Base64url so that clients
 * treat it as a token rather than parse it; it names its entity so that a cursor of another entity is
 * refused instead of silently skipping records.
 */
final class ListCursor {

    private static final String VERSION = "c1";
    private static final char SEP = '\u001F';

    private ListCursor() {
    }

    static String encode(AvantageEntity entity, Ordered position) {
        String raw = VERSION + SEP + entity.name() + SEP + position.modifiedAtMillis() + SEP + position.key()
                + SEP + position.subKey();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Optional<Ordered> decode(AvantageEntity entity, String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = raw.split(String.valueOf(SEP), -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || !entity.name().equals(parts[1])) {
                return Optional.empty();
            }
            return Optional.of(new Ordered.Position(Long.parseLong(parts[2]), parts[3], parts[4]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
