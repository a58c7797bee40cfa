package io.passerelle.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.passerelle.canonical.CanonicalEntity;
import io.passerelle.canonical.CanonicalRecord;
import io.passerelle.canonical.KeyNormalizer;
import io.passerelle.canonical.MappingException;
import io.passerelle.canonical.RecordMapper;
import java.math.BigDecimal;
import java.util.Map;

/**
 * What every {@link RecordMapper} promises, whatever the ERP sent: a record the store can write, or a
 * {@link MappingException} naming the field. Anything else (NPE, NumberFormatException, a value the column
 * cannot hold) would fail the whole run, or the page's transaction, instead of one record.
 */
public final class MapperContract {

    /** Key columns: varchar(255), and varchar(512) for "parent TAB child". */
    static final int KEY_COLUMN = 255;
    static final int COMPOSITE_KEY_COLUMN = 512;
    /** The widest numeric columns of the canonical tables: numeric(16, 2) and numeric(14, 4). */
    static final int MAX_INTEGER_DIGITS = 14;
    static final int MAX_SCALE = 4;

    private MapperContract() {
    }

    /** Maps the item and checks the outcome; returns the record, or null when the mapper refused the item. */
    public static CanonicalRecord map(RecordMapper mapper, CanonicalEntity entity, JsonNode item) {
        CanonicalRecord record;
        try {
            record = mapper.map(item);
        } catch (MappingException refused) {
            assertThat(refused.getMessage()).as("a refusal names the field").matches("(?s)field '[^']+' .+");
            assertThat(refused.code()).isIn("MISSING_FIELD", "INVALID_FIELD");
            return null;
        }
        assertHonoured(record, entity);
        return record;
    }

    public static void assertHonoured(CanonicalRecord record, CanonicalEntity entity) {
        assertThat(record.entity()).isEqualTo(entity);
        assertThat(record.remoteKey()).as("remote key").isNotBlank().hasSizeLessThanOrEqualTo(KEY_COLUMN);
        String ownKey = KeyNormalizer.matchKey(record.remoteKey());
        String ownLooseKey = KeyNormalizer.looseKey(record.remoteKey());
        assertThat(ownKey).as("match key of %s", record.remoteKey()).isNotNull().hasSizeLessThanOrEqualTo(KEY_COLUMN);
        assertThat(KeyNormalizer.matchKey(ownKey)).as("match keys are normalised").isEqualTo(ownKey);
        assertThat(ownLooseKey).as("loose key").isNotNull().hasSizeLessThanOrEqualTo(KEY_COLUMN);
        if (entity.parent() == null) {
            assertThat(record.parentMatchKey()).isNull();
            assertThat(record.matchKey()).isEqualTo(ownKey);
            assertThat(record.looseKey()).isEqualTo(ownLooseKey);
        } else {
            assertThat(record.parentMatchKey()).as("parent key").isNotNull().hasSizeLessThanOrEqualTo(KEY_COLUMN);
            assertThat(record.matchKey()).isEqualTo(KeyNormalizer.compositeKey(record.parentMatchKey(), ownKey))
                    .hasSizeLessThanOrEqualTo(COMPOSITE_KEY_COLUMN);
            assertThat(record.looseKey()).isEqualTo(KeyNormalizer.compositeKey(record.parentMatchKey(), ownLooseKey))
                    .hasSizeLessThanOrEqualTo(COMPOSITE_KEY_COLUMN);
        }
        assertThat(record.remoteModifiedAt()).as("modifiedAt").isNotNull();
        assertThat(record.contentHash()).matches("[0-9a-f]{64}");
        for (Map.Entry<String, Object> field : record.fields().entrySet()) {
            assertStorable(field.getKey(), field.getValue());
        }
    }

    private static void assertStorable(String name, Object value) {
        if (value instanceof String text) {
            // PostgreSQL refuses U+0000 in text; an unpaired surrogate cannot be encoded in UTF-8 at all
            assertThat(text.indexOf('\u0000')).as("NUL in %s", name).isNegative();
            assertThat(hasUnpairedSurrogate(text)).as("unpaired surrogate in %s", name).isFalse();
        } else if (value instanceof BigDecimal decimal) {
            assertThat(decimal.scale()).as("scale of %s = %s", name, decimal).isBetween(0, MAX_SCALE);
            assertThat(decimal.precision() - decimal.scale()).as("integer digits of %s = %s", name, decimal)
                    .isLessThanOrEqualTo(MAX_INTEGER_DIGITS);
        } else if (value != null) {
            assertThat(value).as(name).isInstanceOfAny(Boolean.class, Long.class, Integer.class, java.time.LocalDate.class);
        }
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
