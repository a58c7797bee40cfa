package io.passerelle.run;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a caller wait for runs started in the background (the start-up sync) to finish, from their
 * {@link RunFinished} events: no polling of the run table.
 */
@Component
public class RunCompletions {

    private final RunHistory history;
    /** The runs each waiting caller still waits for. */
    private final List<Set<Long>> waiting = new CopyOnWriteArrayList<>();

    public RunCompletions(RunHistory history) {
        this.history = history;
    }

    @EventListener
    public void onRunFinished(RunFinished finished) {
        long runId = finished.run().id();
        synchronized (this) {
            waiting.forEach(pending -> pending.remove(runId));
            notifyAll();
        }
    }

    /**
     * Waits until each of these runs has finished, or {@code timeout} has passed; answers the runs still going.
     * A run that does not exist, or finished already, is not waited for.
     */
    public Set<Long> await(Collection<Long> runIds, Duration timeout) {
        Set<Long> pending = ConcurrentHashMap.newKeySet();
        pending.addAll(runIds);
        waiting.add(pending);
        try {
            // registered first, looked up second: a run finishing in between is seen by one or the other
            runIds.stream().filter(id -> history.find(id).map(RunView::finished).orElse(true)).forEach(pending::remove);
            long deadline = System.nanoTime() + timeout.toNanos();
            synchronized (this) {
                long left;
                while (!pending.isEmpty() && (left = deadline - System.nanoTime()) > 0) {
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            waiting.remove(pending);
        }
        return Set.copyOf(pending);
    }
}
