package se.integrationjourney.eventstore;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;

/** Supplies the durable dead-letter queue of one processor; the application decides where it is stored. */
@FunctionalInterface
public interface DeadLetterQueueFactory {

    SequencedDeadLetterQueue<EventMessage<?>> create(String processingGroup);
}
