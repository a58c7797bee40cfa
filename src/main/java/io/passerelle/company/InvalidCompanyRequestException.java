package io.passerelle.company;

import io.passerelle.connection.FieldProblem;
import java.util.List;

/** A relation, or a selection of companies, the API refuses, naming each field at fault; answered 400. */
public class InvalidCompanyRequestException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidCompanyRequestException(List<FieldProblem> problems) {
        this("the relation is not valid: see errors", problems);
    }

    InvalidCompanyRequestException(String message, List<FieldProblem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
