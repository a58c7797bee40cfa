package io.passerelle.codemap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.passerelle.connection.FieldProblem;
import org.junit.jupiter.api.Test;

class CodeMapValidatorTest {

    /** The company's synced hour types: match key → the ERP's spelling. */
    private static final Map<String, String> SYNCED = Map.of("REG", "REG", "OT", "OT", "T-1", "T\u20111");

    private final CodeMapValidator validator = new CodeMapValidator();
    private final List<Integer> lookups = new ArrayList<>();

    private List<CodeMapEntry> validate(CodeMapKind kind, CodeMapEntry... entries) {
        return validator.validate(kind, new CodeMapDocument(Arrays.asList(entries)), keys -> {
            lookups.add(keys.size());
            Map<String, String> found = new HashMap<>();
            keys.forEach(k -> {
                if (SYNCED.containsKey(k)) {
                    found.put(k, SYNCED.get(k));
                }
            });
            return found;
        });
    }

    private InvalidCodeMapException refused(CodeMapKind kind, CodeMapEntry... entries) {
        InvalidCodeMapException e = catchThrowableOfType(InvalidCodeMapException.class, () -> validate(kind, entries));
        assertThat(e).as("expected the map to be refused").isNotNull();
        return e;
    }

    @Test
    void normalisesPlatformCodesAndStoresTheErpSpelling() {
        List<CodeMapEntry> valid = validate(CodeMapKind.HOUR_TYPES, new CodeMapEntry(" REGULAR ", "REG", true),
                new CodeMapEntry("TRAVEL", "T\u20131", null));
        assertThat(valid).containsExactly(new CodeMapEntry("REGULAR", "REG", true), new CodeMapEntry("TRAVEL", "T\u20111", false));
        assertThat(lookups).containsExactly(2);
        assertThat(validate(CodeMapKind.EARNINGS, new CodeMapEntry("MILEAGE", "OT", false)))
                .containsExactly(new CodeMapEntry("MILEAGE", "OT", null));
        assertThat(validate(CodeMapKind.HOUR_TYPES)).isEmpty();
    }

    @Test
    void malformedEntriesAre400NamingEachOne() {
        InvalidCodeMapException e = refused(CodeMapKind.HOUR_TYPES, new CodeMapEntry(null, "REG", true),
                new CodeMapEntry("OT", "", false), new CodeMapEntry("OT\u00a0", "OT", true), null,
                new CodeMapEntry("DT", "NOPE", false));
        assertThat(e.unprocessable()).isFalse();
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("entries[0].platformCode",
                "entries[1].erpCode", "entries[2].platformCode", "entries[2].regular", "entries[3]");
        assertThat(lookups).isEmpty(); // no lookup for a malformed map

        assertThat(refused(CodeMapKind.EARNINGS, new CodeMapEntry("KM", "OT", true)).problems())
                .extracting(FieldProblem::field).containsExactly("entries[0].regular");
        InvalidCodeMapException none = catchThrowableOfType(InvalidCodeMapException.class,
                () -> validator.validate(CodeMapKind.HOUR_TYPES, new CodeMapDocument(null), keys -> Map.of()));
        assertThat(none.problems()).extracting(FieldProblem::field).containsExactly("entries");
    }

    @Test
    void unknownErpCodesAre422NamingEachEntry() {
        InvalidCodeMapException e = refused(CodeMapKind.HOUR_TYPES, new CodeMapEntry("REGULAR", "REG", true),
                new CodeMapEntry("NIGHT", "NUIT", false), new CodeMapEntry("LATE", "reg", false));
        assertThat(e.unprocessable()).isTrue();
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("entries[1].erpCode", "entries[2].erpCode");
        assertThat(e.problems().get(0).message()).contains("NUIT").contains("hour type");
    }
}
