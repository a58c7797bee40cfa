package io.passerelle.company;

import io.passerelle.canonical.KeyNormalizer;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Belgian enterprise number as an ERP spells it ({@code 0712.345.678}, {@code BE0712345678},
 * {@code BE 0712 345 678}, {@code 0712345678}, the old nine digits {@code 712345678}), its ten digits ({@code key}:
 * what companies are known by, whatever the spelling), and whether it passes the check: ten digits, the first 0 or
 * 1, the last two 97 minus the first eight modulo 97. A number that does not is kept and flagged, never refused:
 * {@code key} is null only when the text is no ten (or nine) digits at all.
 *
 * @param raw   as the ERP gave it
 * @param key   the ten digits, or null when the text holds no number of that length
 * @param valid whether the key passes the check
 */
public record EnterpriseNumber(String raw, String key, boolean valid) {

    /** What spellings put between the digits: spaces (folded by KeyNormalizer first), dots, dashes, slashes. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s.\\-/]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final String COUNTRY = "BE";

    /** The number in {@code raw}; empty when there is none (null or blank). */
    public static Optional<EnterpriseNumber> parse(String raw) {
        String digits = digits(raw);
        if (digits == null) {
            return KeyNormalizer.matchKey(raw) == null ? Optional.empty()
                    : Optional.of(new EnterpriseNumber(raw, null, false));
        }
        String key = digits.length() == 9 ? "0" + digits : digits;
        if (key.length() != 10) {
            return Optional.of(new EnterpriseNumber(raw, null, false));
        }
        return Optional.of(new EnterpriseNumber(raw, key, checks(key)));
    }

    /**
     * A number of another country's register ({@code country}: ISO 3166 alpha-2, e.g. {@code NO}): kept as given and
     * checked where the check is known (a Norwegian organisation number: nine digits, mod 11), but without a key:
     * companies are known by the Belgian ten digits, and nine Norwegian digits would read as an old Belgian number.
     * Such a company is known by its ERP's id instead.
     */
    public static Optional<EnterpriseNumber> parse(String country, String raw) {
        if (country == null || COUNTRY.equalsIgnoreCase(country)) {
            return parse(raw);
        }
        if (KeyNormalizer.matchKey(raw) == null) {
            return Optional.empty();
        }
        String digits = digits(raw);
        boolean valid = !"NO".equalsIgnoreCase(country) || digits != null && digits.length() == 9 && norwegian(digits);
        return Optional.of(new EnterpriseNumber(raw, null, valid));
    }

    /** Weights 3 2 7 6 5 4 3 2 over the first eight digits; the ninth is 11 minus the sum mod 11 (11: 0; 10: none). */
    private static boolean norwegian(String digits) {
        int[] weights = {3, 2, 7, 6, 5, 4, 3, 2};
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i] * (digits.charAt(i) - '0');
        }
        int check = 11 - sum % 11;
        check = check == 11 ? 0 : check;
        return check != 10 && check == digits.charAt(8) - '0';
    }

    /**
     * The digits {@code text} holds once separators and a leading {@code BE} are dropped, or null when it holds
     * anything else (or nothing): for search, where a part of a number ({@code 0712.345}) finds it too.
     */
    public static String digits(String text) {
        String folded = KeyNormalizer.matchKey(text);
        if (folded == null) {
            return null;
        }
        String bare = SEPARATORS.matcher(folded).replaceAll("");
        if (bare.regionMatches(true, 0, COUNTRY, 0, COUNTRY.length())) {
            bare = bare.substring(COUNTRY.length());
        }
        return DIGITS.matcher(bare).matches() ? bare : null;
    }

    /** The official spelling, {@code 0712.345.678}; the text as given when it holds no ten digits. */
    public String formatted() {
        if (key == null) {
            return raw;
        }
        return key.substring(0, 4) + "." + key.substring(4, 7) + "." + key.substring(7);
    }

    /** What the API shows: the ten digits, or the text as given when it holds none. */
    public String shown() {
        return key == null ? raw : key;
    }

    /** In words, for the check that reports an invalid number: what is wrong with it. */
    String fault() {
        if (valid) {
            return null;
        }
        if (key == null) {
            return "is not an enterprise number (ten digits, e.g. 0712.345.678, or BE0712345678)";
        }
        if (key.charAt(0) != '0' && key.charAt(0) != '1') {
            return "does not start with 0 or 1, as every enterprise number does";
        }
        return "fails its check: its last two digits must be 97 minus the first eight modulo 97 ("
                + String.format("%02d", checkDigits(key)) + ", not " + key.substring(8) + ")";
    }

    private static boolean checks(String key) {
        char first = key.charAt(0);
        return (first == '0' || first == '1') && checkDigits(key) == Integer.parseInt(key.substring(8));
    }

    private static int checkDigits(String key) {
        return 97 - (int) (Long.parseLong(key.substring(0, 8)) % 97);
    }
}
