package io.passerelle.timesheet;

import java.util.List;

import io.passerelle.connection.FieldProblem;

/**
 * A change the timesheet's state forbids (it is FROZEN, or the line is already in the ERP); answered 409, with one
 * entry per field at fault (each line in doubt, for instance).
 */
public class TimesheetConflictException extends RuntimeException {

    private final transient List<FieldProblem> problems;

    public TimesheetConflictException(String field, String message) {
        this(message, List.of(new FieldProblem(field, message)));
    }

    public TimesheetConflictException(String detail, List<FieldProblem> problems) {
        super(detail);
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
