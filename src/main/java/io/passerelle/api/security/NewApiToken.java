package io.passerelle.api.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Makes an API token and the line that configures it, with nothing but a JDK (the README promises no more):
 * <pre>
 *   java src/main/java/io/passerelle/api/security/NewApiToken.java marie APPROVER COMMITMENTS,INVOICES
 *   printf %s "$TOKEN" | java src/main/java/io/passerelle/api/security/NewApiToken.java --hash
 * </pre>
 * It runs as a single source file, so it uses the JDK alone; {@code NewApiTokenTest} checks that its hash is
 * {@link TokenHasher}'s. A token to hash is read from standard input, never from the command line, where other
 * users of the machine could read it in the process list.
 */
public final class NewApiToken {

    private static final int TOKEN_BYTES = 32;
    private static final String USAGE = """
            usage: java NewApiToken.java NAME ROLE [CAPABILITY,...]   a new token and its passerelle.security.tokens entry
                   java NewApiToken.java --hash < token-file          the sha256 of a token read from standard input
            ROLE: ADMIN, ENGINEER, APPROVER or VIEWER; capabilities (APPROVER): COMMITMENTS, INVOICES, TIMESHEETS""";

    private NewApiToken() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 1 && args[0].equals("--hash")) {
            String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            if (token == null || token.isEmpty()) {
                fail("no token on standard input");
            }
            System.out.println(sha256Hex(token));
            return;
        }
        if (args.length < 2 || args.length > 3) {
            fail(USAGE);
        }
        String role = args[1].toUpperCase(Locale.ROOT);
        if (!role.matches("ADMIN|ENGINEER|APPROVER|VIEWER")) {
            fail("role must be ADMIN, ENGINEER, APPROVER or VIEWER, not '" + args[1] + "'\n" + USAGE);
        }
        String token = newToken();
        System.err.println("Token for " + args[0] + " (shown this once; Passerelle keeps only its hash):");
        System.out.println(token);
        System.err.println("Add under passerelle.security.tokens (e.g. in config/application-sandbox.yaml):");
        System.err.println("  " + entry(args[0], role, args.length == 3 ? args[2] : "", sha256Hex(token)));
    }

    /** A random URL-safe token of 256 bits, the same kind as the sandbox's generated admin token. */
    static String newToken() {
        byte[] random = new byte[TOKEN_BYTES];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    static String entry(String name, String role, String capabilities, String sha256) {
        String listed = capabilities.isBlank() ? ""
                : ", capabilities: [" + String.join(", ", capabilities.toUpperCase(Locale.ROOT).split("\\s*,\\s*")) + "]";
        return "- {name: " + name + ", role: " + role + listed + ", sha256: " + sha256 + "}";
    }

    static String sha256Hex(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}
