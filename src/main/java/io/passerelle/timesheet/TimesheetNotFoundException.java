package io.passerelle.timesheet;

import java.util.NoSuchElementException;

/** No timesheet (or no line in it) of that id; answered 404. */
public class TimesheetNotFoundException extends NoSuchElementException {

    public TimesheetNotFoundException(String message) {
        super(message);
    }
}
