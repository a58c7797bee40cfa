package io.passerelle.codemap;

import java.util.List;

import io.passerelle.connection.FieldProblem;

/**
 * A code map the API refuses, naming each entry at fault: malformed (blank, duplicate, two Regular entries:
 * 400) or well-formed but naming ERP codes the connection's company does not have (422, {@link #unprocessable()}).
 */
public class InvalidCodeMapException extends RuntimeException {

    private final transient List<FieldProblem> problems;
    private final boolean unprocessable;

    public InvalidCodeMapException(String message, List<FieldProblem> problems, boolean unprocessable) {
        super(message);
        this.problems = List.copyOf(problems);
        this.unprocessable = unprocessable;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean unprocessable() {
        return unprocessable;
    }
}
