package io.passerelle.canonical;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Matching keys (employee numbers, trade, activity and project codes) compared after normalisation,
 * so that "E-00042", " E-00042", "E-00042 " and "E‑00042" (non-breaking hyphen) are one employee.
 * The raw remote spelling is kept elsewhere for sending back.
 */
public final class KeyNormalizer {

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    private KeyNormalizer() {
    }

    /**
     * The key two records must share to be the same record: invisible characters (soft hyphen, zero-width joiners,
     * word joiner) dropped, hyphen look-alikes (U+2010..2015, U+2212, U+FE58, U+FE63, U+FF0D)
     * made '-', every run of white space (ASCII, every Unicode space separator including no-break U+00A0, figure
     * U+2007 and narrow no-break U+202F, zero-width U+200B, U+FEFF) made one space, then Unicode NFC, then trimmed.
     * Null or blank gives null. One pass over the characters: a sync folds several fields of every record.
     */
    public static String matchKey(String raw) {
        if (raw == null) {
            return null;
        }
        if (isPlain(raw)) {
            return raw.isEmpty() ? null : raw;
        }
        StringBuilder key = new StringBuilder(raw.length());
        boolean space = false;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isInvisible(c)) {
                continue;
            }
            if (isSpace(c)) {
                space = true;
                continue;
            }
            if (space && key.length() > 0) {
                key.append(' ');
            }
            space = false;
            key.append(isDash(c) ? '-' : c);
        }
        // composed last: removing an invisible between a letter and its accent ("e", soft hyphen, U+0308) leaves
        // them side by side, and a key composed before that would not be its own normal form. Other characters Java
        // counts as white space (e.g. U+001C) are not folded, but trimmed at the ends
        String folded = Normalizer.normalize(key, Normalizer.Form.NFC).strip();
        return folded.isEmpty() ? null : folded;
    }

    /**
     * Printable ASCII with single spaces inside: nothing the folding would change (ASCII is NFC, and holds no
     * invisible character, no dash look-alike and no other space). Most keys and texts are, so they are not copied.
     */
    private static boolean isPlain(String text) {
        int last = text.length() - 1;
        for (int i = 0; i <= last; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                if (i == 0 || i == last || text.charAt(i - 1) == ' ') {
                    return false;
                }
            } else if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r') || c == '\u200B' || c == '\uFEFF'
                || Character.getType(c) == Character.SPACE_SEPARATOR
                || Character.getType(c) == Character.LINE_SEPARATOR
                || Character.getType(c) == Character.PARAGRAPH_SEPARATOR;
    }

    /** Hyphen look-alikes that keyboards, spreadsheets and word processors substitute for '-'. */
    private static boolean isDash(char c) {
        return (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFE58' || c == '\uFE63' || c == '\uFF0D';
    }

    private static boolean isInvisible(char c) {
        return c == '\u00AD' || c == '\u200C' || c == '\u200D' || c == '\u2060';
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
        String folded = NOT_ALPHANUMERIC.matcher(stripped).replaceAll("").toLowerCase(Locale.ROOT);
        // recomposed, and last: decomposition splits each Hangul syllable into two or three letters (the loose key
        // would outgrow the key column), and removing punctuation can bring jamo together that compose
        return Normalizer.normalize(folded, Normalizer.Form.NFC);
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
