package io.passerelle.timesheet;

import java.math.BigDecimal;

/** An earning of a line as stored and shown: the platform's code and the quantity. */
public record LineEarning(String code, BigDecimal quantity) {
}
