package io.passerelle.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.springframework.stereotype.Component;

/**
 * Threads that prepare a run's next page (map an inbound page, read the next outbound candidates) while the
 * run's own thread writes the current one. One task per running flow at a time; Camel owns the pool, names
 * its threads and shuts it down with the context.
 */
@Component
public class PageWorkers {

    private final ExecutorService pool;

    public PageWorkers(CamelContext camel) {
        this.pool = camel.getExecutorServiceManager().newCachedThreadPool(this, "page-worker");
    }

    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, pool);
    }

    public <S, T> CompletableFuture<T> then(CompletableFuture<S> source, Function<S, T> work) {
        return source.thenApplyAsync(work, pool);
    }
}
