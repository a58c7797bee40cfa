package io.passerelle.erp.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.passerelle.export.NotSentException;
import io.passerelle.export.OutcomeUnknownException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class WriteFailuresTest {

    @Test
    void aConnectionNeverMadeIsNotSent() {
        assertThat(WriteFailures.unanswered("Abacus", new CompletionException(new ConnectException("Connection refused"))))
                .isInstanceOf(NotSentException.class).hasMessage("Abacus could not be reached: Connection refused");
        assertThat(WriteFailures.unanswered("Abacus", new IllegalStateException("wrapped", new UnknownHostException("erp.example"))))
                .isInstanceOf(NotSentException.class);
    }

    /** Once the request may have left, nothing says whether the ERP stored it: it is read back before a resend. */
    @Test
    void aResetOrATimeoutAfterTheRequestLeftIsUnknown() {
        assertThat(WriteFailures.unanswered("Abacus", new CompletionException(new IOException("Connection reset"))))
                .isInstanceOf(OutcomeUnknownException.class).hasMessageContaining("no usable answer from Abacus")
                .hasMessageContaining("Connection reset");
        assertThat(WriteFailures.unanswered("Acumatica", new SocketTimeoutException("Read timed out")))
                .isInstanceOf(OutcomeUnknownException.class);
    }
}
