package io.passerelle.connection;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes an event once the current transaction has committed (at once when there is none). Listeners
 * re-instantiate routes from the stored connection: telling them before the commit would let them read the
 * old row, or act on a change that is then rolled back.
 */
@Component
public class AfterCommitPublisher {

    private final ApplicationEventPublisher publisher;

    public AfterCommitPublisher(ApplicationEventPublisher publisher) {
        this.publisher = publisher;
    }

    public void publish(Object event) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            publisher.publishEvent(event);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                publisher.publishEvent(event);
            }
        });
    }
}
