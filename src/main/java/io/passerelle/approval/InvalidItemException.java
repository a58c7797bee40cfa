package io.passerelle.approval;

import java.util.List;

import io.passerelle.connection.FieldProblem;

/** A commitment, invoice or decision the API refuses, naming each field at fault ({@code lines[1].amount}): 400. */
public class InvalidItemException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidItemException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
