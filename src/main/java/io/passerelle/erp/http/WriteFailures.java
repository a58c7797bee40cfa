package io.passerelle.erp.http;

import io.passerelle.export.NotSentException;
import io.passerelle.export.OutcomeUnknownException;
import io.passerelle.run.Causes;
import java.util.Optional;

/**
 * A write that failed without an answer to decide on, as the export engine needs to hear it: never reached the ERP
 * (safe to send again) or perhaps stored (read back before anything is resent). Only a connection that was never
 * made is certain: once the request may have left, a reset, a timeout or a proxy's error page says nothing of
 * whether the ERP stored it.
 */
public final class WriteFailures {

    private WriteFailures() {
    }

    /** {@link NotSentException} when the ERP was never reached, else {@link OutcomeUnknownException}. */
    public static RuntimeException unanswered(String erp, Throwable failure) {
        Throwable cause = Causes.unwrap(failure);
        Optional<Throwable> neverConnected = Reachability.neverConnected(cause);
        if (neverConnected.isPresent()) {
            return new NotSentException(erp + " could not be reached: " + neverConnected.get().getMessage(), cause);
        }
        return new OutcomeUnknownException("no usable answer from " + erp + ": " + cause.getMessage(), cause);
    }
}
