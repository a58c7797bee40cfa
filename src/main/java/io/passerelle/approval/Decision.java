package io.passerelle.approval;

import java.time.Instant;

/** Who accepted or rejected an item, when, and why (a rejection's reason). {@code by} is a token's name. */
public record Decision(String by, Instant at, String reason) {
}
