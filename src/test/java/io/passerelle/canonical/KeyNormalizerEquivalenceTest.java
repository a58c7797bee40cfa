package io.passerelle.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Match keys are stored: the one-pass {@link KeyNormalizer#matchKey} must give exactly the keys the regular
 * expressions it replaced gave, or rows synced before would be duplicated after an upgrade. Every UTF-16 unit
 * is tried alone, between letters, between spaces and doubled.
 */
class KeyNormalizerEquivalenceTest {

    /**
     * KeyNormalizer.matchKey as it was until it became one pass over the characters (composing last, as the fuzzer
     * showed it must: see KeyNormalizerTest#anAccentSeparatedFromItsLetterByAnInvisibleComposesWithIt).
     */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200C\\u200D\\u2060]");

    private static String regexMatchKey(String raw) {
        String text = INVISIBLE.matcher(raw).replaceAll("");
        text = DASHES.matcher(text).replaceAll("-");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        text = Normalizer.normalize(text, Normalizer.Form.NFC);
        return text.isEmpty() ? null : text;
    }

    @Test
    void everyCharacterInEveryPositionGivesTheKeyItGaveBefore() {
        List<String> different = new ArrayList<>();
        for (int unit = 0; unit <= 0xFFFF; unit++) {
            String c = String.valueOf((char) unit);
            for (String sample : List.of(c, "E" + c + "42", " " + c + " ", "E" + c + c + "42", c + "E-1" + c,
                    "E " + c + "\u00A0" + c + "\u00AD42", "e\u0301" + c + "\u0301")) {
                String expected = regexMatchKey(sample);
                String actual = KeyNormalizer.matchKey(sample);
                if (expected == null ? actual != null : !expected.equals(actual)) {
                    different.add(String.format("U+%04X in %s: %s, was %s", unit, escaped(sample), escaped(actual),
                            escaped(expected)));
                }
            }
        }
        assertThat(different).isEmpty();
    }

    private static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("\"");
        text.chars().forEach(ch -> out.append(ch >= 0x20 && ch < 0x7F ? String.valueOf((char) ch) : String.format("\\u%04X", ch)));
        return out.append('"').toString();
    }
}
