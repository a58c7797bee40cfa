package io.passerelle.importjob;

import io.passerelle.connection.FieldProblem;
import java.util.List;

/** A job the API refuses, naming each field at fault: 400. */
public class InvalidImportJobException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public InvalidImportJobException(List<FieldProblem> problems) {
        super(problems.size() == 1 ? problems.get(0).field() + ": " + problems.get(0).message()
                : "the import job is not valid: see errors");
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
