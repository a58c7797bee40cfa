package io.passerelle.run;

import java.util.concurrent.ExecutorService;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The threads that runs started in the background (the API's 202s, schedules that hand over) are carried out on.
 * They are not the ProducerTemplate's own pool on purpose: a run blocks on its ERP's answers, and the ERP transports send
 * their requests through that pool, so runs taking all of its threads left their own requests queued behind them, and
 * the instance stopped (all threads in a login that never left; bench fleet, 500 connections). At most
 * {@code passerelle.runs.threads} runs go on at once here; more wait their turn. Camel owns the pool, names its threads
 * and shuts it down with the context.
 */
@Component
public class RunThreads {

    private static final Logger LOG = LoggerFactory.getLogger(RunThreads.class);

    private final ExecutorService pool;
    private final ProducerTemplate producer;

    public RunThreads(CamelContext camel, ProducerTemplate producer,
            @Value("${passerelle.runs.threads:20}") int threads) {
        this.pool = camel.getExecutorServiceManager().newThreadPool(this, "run", Math.min(threads, 10), threads);
        this.producer = producer;
    }

    /** Sends {@code job} to its route on a run thread, and returns at once. */
    public void start(String endpoint, Object job) {
        pool.execute(() -> {
            try {
                producer.sendBody(endpoint, job);
            } catch (RuntimeException e) {
                // the job route records its runs' failures itself; this is what escaped it
                LOG.warn("run job on {} ended with {}", endpoint, FailureMessages.describe(e));
            }
        });
    }
}
