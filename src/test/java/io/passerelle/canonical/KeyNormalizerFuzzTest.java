package io.passerelle.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.passerelle.fuzz.FuzzedText;
import java.text.Normalizer;
import org.junit.jupiter.api.Tag;

/**
 * Key normalisation on any string, unpaired surrogates included: never throws, and a normalised key is its own
 * normal form (a key read back from the database and normalised again still matches).
 * Regression inputs: KeyNormalizerFuzzTestInputs/anyString/.
 */
@Tag("fuzz")
class KeyNormalizerFuzzTest {

    @FuzzTest(maxDuration = "2m")
    void anyString(FuzzedDataProvider data) {
        String raw = data.consumeBoolean() ? FuzzedText.string(data, 64) : data.consumeRemainingAsString();
        String key = KeyNormalizer.matchKey(raw);
        String loose = KeyNormalizer.looseKey(raw);
        if (key == null) {
            assertThat(loose).as("no loose key without a key").isNull();
            return;
        }
        assertThat(key).as("match key of %s", escaped(raw)).isNotBlank().isEqualTo(key.strip()).doesNotContain("  ");
        assertThat(Normalizer.isNormalized(key, Normalizer.Form.NFC)).as("NFC: %s", escaped(key)).isTrue();
        assertThat(KeyNormalizer.matchKey(key)).as("matchKey(matchKey(%s))", escaped(raw)).isEqualTo(key);
        assertThat(KeyNormalizer.looseKey(key)).as("looseKey(matchKey(%s))", escaped(raw)).isEqualTo(loose);
        assertThat(loose).as("loose key of %s", escaped(raw)).isNotNull().doesNotContain(" ");
        assertThat(KeyNormalizer.looseKey(loose)).as("looseKey(looseKey(%s))", escaped(raw))
                .isEqualTo(loose.isEmpty() ? null : loose);
    }

    /** The raw string with every non-ASCII char as a Java escape, so that a failure message shows what it was. */
    static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
