package io.passerelle.timesheet;

import java.util.List;

import io.passerelle.connection.FieldProblem;

/**
 * A timesheet or line the API refuses, naming each field at fault ({@code lines[2].activityCode}). Answered
 * 400, or 409 when the only fault is a line id that another timesheet already holds ({@link #conflict()}).
 */
public class InvalidTimesheetException extends RuntimeException {

    private final transient List<FieldProblem> problems;
    private final boolean conflict;

    public InvalidTimesheetException(List<FieldProblem> problems, boolean conflict) {
        super(conflict ? "a line id is already taken: see errors" : "the timesheet is not valid: see errors");
        this.problems = List.copyOf(problems);
        this.conflict = conflict;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    public boolean conflict() {
        return conflict;
    }
}
