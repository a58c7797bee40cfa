package io.passerelle.connection;

import java.util.List;

/**
 * A connection that cannot be stored, with every problem found. {@code unprocessable} is true when the
 * only problem is an ERP this build does not support (422); otherwise the request itself is bad (400).
 */
public class InvalidConnectionException extends RuntimeException {

    private final List<FieldProblem> problems;
    private final boolean unprocessable;

    public InvalidConnectionException(List<FieldProblem> problems, boolean unprocessable) {
        super(problems.size() == 1 ? problems.get(0).message() : problems.size() + " problems with the connection");
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
