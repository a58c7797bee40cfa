package io.passerelle.sync;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matching keys (employee numbers, trade, activity and project codes) compared after normalisation,
 * so that "E-00042", " E-00042", "E-00042 " and "E‑00042" (non-breaking hyphen) are one employee.
 * The raw remote spelling is kept elsewhere for sending back.
 */
public final class KeyNormalizer {

    /** Every Unicode space, including no-break (U+00A0), figure (U+2007) and narrow no-break (U+202F). */
    private static final Pattern SPACES = Pattern.compile("[\\s\\p{Z}\\u200B\\uFEFF]+");
    /** Hyphen look-alikes that keyboards, spreadsheets and word processors substitute for '-'. */
    private static final Pattern DASHES = Pattern.compile("[\\u2010\\u2011\\u2012\\u2013\\u2014\\u2015\\u2212\\uFE58\\uFE63\\uFF0D]");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u00AD\\u200C\\u200D\\u2060]");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private KeyNormalizer() {
    }

    /** The key two records must share to be the same record. Null or blank gives null. */
    public static String matchKey(String raw) {
        if (raw == null) {
            return null;
        }
        String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
        text = INVISIBLE.matcher(text).replaceAll("");
        text = DASHES.matcher(text).replaceAll("-");
        text = SPACES.matcher(text).replaceAll(" ").strip();
        return text.isEmpty() ? null : text;
    }

    /**
     * A looser key (no spaces, punctuation, case or accents) used only to report near-matches that
     * {@link #matchKey} does not settle, such as "E 00042" against "E-00042": never to merge them.
     */
    public static String looseKey(String raw) {
        String key = matchKey(raw);
        if (key == null) {
            return null;
        }
        String stripped = Normalizer.normalize(key, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return NOT_ALPHANUMERIC.matcher(stripped).replaceAll("").toLowerCase(Locale.ROOT);
    }

    /**
     * Free text folded for search ({@code q} on records): the folding of {@link #matchKey}, then lower case, so
     * that "Marie-Ève" and " MARIE\u2011ÈVE " (a no-break hyphen) both become "marie-ève". The stored search
     * text and the query go through this one function. Null or blank gives null.
     */
    public static String searchFold(String raw) {
        String key = matchKey(raw);
        return key == null ? null : key.toLowerCase(Locale.ROOT);
    }

    /** Keys of records that live under a parent (an activity under its project). */
    public static String compositeKey(String parentKey, String childKey) {
        return parentKey + '\t' + childKey;
    }
}
