package io.passerelle.timesheet;

import java.math.BigDecimal;

/** An expense or premium on a line: the platform's earning code and a quantity (km, units, amount…). */
public record EarningRequest(String code, BigDecimal quantity) {
}
