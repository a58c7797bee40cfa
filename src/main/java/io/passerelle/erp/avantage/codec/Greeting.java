package io.passerelle.erp.avantage.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The line a MainTCP server writes on accept, before any frame. */
public record Greeting(String version, Encryption encryption) {

    public static final String PREFIX = "AVANTAGE MAINTCP ";
    /** A greeting longer than this is not a MainTCP greeting; we stop reading rather than buffer. */
    public static final int MAX_LENGTH = 256;

    private static final Pattern READY = Pattern.compile("AVANTAGE MAINTCP (\\S+) READY ENC=(NONE|AES256GCM)");
    private static final Pattern DENIED = Pattern.compile("AVANTAGE MAINTCP DENIED ?(.*)");

    public enum Encryption { NONE, AES256GCM }

    /**
     * @param line the greeting without its CR LF
     * @throws ConnectionDeniedException when the server refuses our address
     * @throws NotAvantageServerException when the line is not a MainTCP greeting
     */
    public static Greeting parse(String line) {
        Matcher denied = DENIED.matcher(line);
        if (denied.matches()) {
            throw new ConnectionDeniedException(denied.group(1).isBlank() ? "no reason given" : denied.group(1));
        }
        Matcher ready = READY.matcher(line);
        if (!ready.matches()) {
            throw new NotAvantageServerException("unexpected greeting: " + printable(line));
        }
        return new Greeting(ready.group(1), Encryption.valueOf(ready.group(2)));
    }

    public String toLine() {
        return PREFIX + version + " READY ENC=" + encryption;
    }

    static String printable(String text) {
        String cleaned = text.replaceAll("[^\\x20-\\x7E]", "?");
        return cleaned.length() > 60 ? cleaned.substring(0, 60) + "…" : cleaned;
    }
}
