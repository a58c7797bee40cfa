package io.passerelle.idformat;

import java.util.ArrayList;
import java.util.List;

import io.passerelle.connection.Connection;
import org.springframework.stereotype.Component;

/**
 * Checks ids against the formats a connection states in {@code options.idFormats} (see {@link IdFormatParser}),
 * before anything is stored or sent: at {@code POST /api/commitments|invoices} and in the ERP sinks before any
 * call. A connection without formats for a kind accepts any id of that kind.
 */
@Component
public class IdFormats {

    /**
     * What is wrong with {@code value} as an id of {@code kind} ({@link IdKind#key()} such as {@code vendorId},
     * or {@link IdKind#name()}) on this connection: one message per rule broken, naming {@code field} and the
     * rule, e.g. "vendorId 'ACME SUPPLY LONG NAME' is 21 characters; at most 15 allowed for vendor ids on
     * connection acme-acumatica". Empty when it fits, when the value is null, or when no format is set. A format
     * the connection states in a way that cannot be used is a violation too: nothing goes out unchecked.
     *
     * @throws IllegalArgumentException for an unknown kind (a programming error)
     */
    public List<String> violations(Connection connection, String kind, String value, String field) {
        IdKind idKind = IdKind.parse(kind).orElseThrow(() -> new IllegalArgumentException("unknown id kind " + kind));
        return violations(connection, idKind, value, field);
    }

    public List<String> violations(Connection connection, IdKind kind, String value, String field) {
        if (value == null || connection == null) {
            return List.of();
        }
        IdFormatParser.Parsed parsed = IdFormatParser.parse(connection.options());
        List<String> violations = new ArrayList<>();
        String path = IdFormatParser.OPTION + "." + kind.key();
        for (String problem : parsed.problems()) {
            if (problem.equals(IdFormatParser.OPTION + " must be an object of id kind -> format")
                    || problem.startsWith(path + ".") || problem.startsWith(path + " ")) {
                violations.add(field + " cannot be checked: connection " + connection.id() + "'s " + problem);
            }
        }
        IdFormat format = parsed.formats().get(kind);
        if (format != null) {
            violations.addAll(format.check(value, field, kind, connection.id()));
        }
        return violations;
    }

    /** What in the connection's {@code options.idFormats} cannot be used; empty when all is well or none is set. */
    public List<String> configurationProblems(Connection connection) {
        return IdFormatParser.parse(connection.options()).problems();
    }
}
