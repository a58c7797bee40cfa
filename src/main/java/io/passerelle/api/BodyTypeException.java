package io.passerelle.api;

import java.util.List;

import io.passerelle.connection.FieldProblem;

/** A request body with fields of the wrong type, each named ({@code lines[0].quantity}): 400. */
class BodyTypeException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    BodyTypeException(List<FieldProblem> problems) {
        super("the request body has fields of the wrong type: see errors");
        this.problems = List.copyOf(problems);
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
