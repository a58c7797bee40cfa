package io.passerelle.alert;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a connection's webhook is told about a flow: the X-Passerelle-Event header and the body's {@code event}. */
public enum AlertEvent {
    /** a run ended FAILED after one that did not */
    FAILED,
    /** {@code partialAfter} runs in a row ended PARTIAL */
    PARTIAL,
    /** no success for longer than the flow's schedule allows */
    STALE,
    /** the first SUCCEEDED after a FAILED, PARTIAL or STALE alert */
    RECOVERED;

    public static final List<AlertEvent> ALL = List.of(values());

    static Optional<AlertEvent> parse(String text) {
        return Arrays.stream(values()).filter(e -> e.name().equals(text.strip().toUpperCase(Locale.ROOT))).findFirst();
    }
}
