package io.passerelle.connection;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One entry a connection of this ERP may set in its {@code options}, with what it does and its default (or null).
 * A {@code required} one must be there and not blank; one with a {@code pattern} (a regular expression the whole
 * value must match, read as text whether the JSON gave a string or a number) is refused otherwise, in the words of
 * {@code patternDescription} ("must be a number, e.g. 7777"). The validator checks both, {@code GET /api/erps} shows
 * them.
 */
public record ErpOption(String name, String description, String defaultValue, boolean required, String pattern,
        String patternDescription) {

    public ErpOption {
        if (pattern != null) {
            try {
                Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                // a module's mistake: stop the start rather than refuse every connection later
                throw new IllegalArgumentException("option '" + name + "': not a regular expression: " + pattern, e);
            }
            if (patternDescription == null || patternDescription.isBlank()) {
                throw new IllegalArgumentException("option '" + name + "': a pattern needs its description in words");
            }
        }
    }

    /** An optional option without a form of its own. */
    public ErpOption(String name, String description, String defaultValue) {
        this(name, description, defaultValue, false, null, null);
    }

    public static ErpOption optional(String name, String description, String defaultValue) {
        return new ErpOption(name, description, defaultValue);
    }

    /** An optional option that, when given, must match {@code pattern}. */
    public static ErpOption optional(String name, String description, String defaultValue, String pattern,
            String patternDescription) {
        return new ErpOption(name, description, defaultValue, false, pattern, patternDescription);
    }

    public static ErpOption required(String name, String description) {
        return new ErpOption(name, description, null, true, null, null);
    }

    /**
     * @param pattern            a regular expression the whole value must match, e.g. {@code [0-9]{1,9}}
     * @param patternDescription the expected form in words, after "must be", e.g. {@code a number, e.g. 7777}
     */
    public static ErpOption required(String name, String description, String pattern, String patternDescription) {
        return new ErpOption(name, description, null, true, pattern, patternDescription);
    }

    /** Whether {@code text} is of the expected form (always, without a pattern). */
    public boolean matches(String text) {
        return pattern == null || Pattern.compile(pattern).matcher(text).matches();
    }
}
