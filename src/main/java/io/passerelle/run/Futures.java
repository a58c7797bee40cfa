package io.passerelle.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** Waiting for an ERP call where a caller must: its own exception comes out, not the future's wrapper. */
public final class Futures {

    private Futures() {
    }

    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the ERP");
        } catch (ExecutionException e) {
            Throwable cause = Causes.unwrap(e);
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }
}
