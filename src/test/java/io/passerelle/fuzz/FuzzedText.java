package io.passerelle.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

/** Strings for fuzz tests, biased towards the characters that keys and columns go wrong on. */
public final class FuzzedText {

    /**
     * Every kind of space, hyphen look-alikes, invisibles, combining marks, Hangul jamo and syllables, letters whose
     * case or normal forms change length, NUL, quotes, and unpaired surrogates.
     */
    private static final String TRICKY = " \t\n\r\u00A0\u2000\u2007\u202F\u3000\u200B\uFEFF\u2010\u2011\u2013\u2014"
            + "\u2212\uFE63\uFF0D\u00AD\u200C\u200D\u2060\u0301\u0308\u0327\u0345\u0958\u1100\u1161\u11A8\uAC00"
            + "\u0130\u0131\u00DF\u212A\u2126\uFB01\u0000\"\\-_.eEA0\uD800\uDBFF\uDC00\uDFFF";

    private FuzzedText() {
    }

    /** Up to {@code maxLength} chars, each either a tricky one or any char at all (surrogates included). */
    public static String string(FuzzedDataProvider data, int maxLength) {
        int length = data.consumeInt(0, maxLength);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length && data.remainingBytes() > 0; i++) {
            text.append(data.consumeBoolean() ? TRICKY.charAt(data.consumeInt(0, TRICKY.length() - 1)) : data.consumeChar());
        }
        return text.toString();
    }

    /** A short fuzzed piece repeated, to reach column limits without thousands of fuzzer bytes. */
    public static String repeated(FuzzedDataProvider data, int maxLength) {
        String piece = string(data, 4);
        if (piece.isEmpty()) {
            return piece;
        }
        return piece.repeat(data.consumeInt(0, maxLength / piece.length()));
    }
}
