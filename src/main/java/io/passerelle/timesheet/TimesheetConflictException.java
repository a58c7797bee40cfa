package io.passerelle.timesheet;

/** A change the timesheet's state forbids (it is FROZEN, or the line is already in the ERP); answered 409. */
public class TimesheetConflictException extends RuntimeException {

    private final String field;

    public TimesheetConflictException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
