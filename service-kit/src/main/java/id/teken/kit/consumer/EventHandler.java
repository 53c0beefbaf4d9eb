package id.teken.kit.consumer;

import id.teken.events.EventEnvelope;
import id.teken.events.Topic;

/**
 * A service's reaction to one topic. Implementations are CDI beans in the service's
 * {@code adapter/in/messaging} package; the runner calls {@link #handle} inside a transaction that also
 * records the event as processed, so each event takes effect once. Throwing makes the runner retry,
 * then park the record on the dead-letter topic.
 */
public interface EventHandler<P> {

    Topic<P> topic();

    void handle(EventEnvelope<P> event);

    /** A handler from its topic and what to do with each event (a service's consumers produce these). */
    static <P> EventHandler<P> on(Topic<P> topic, java.util.function.Consumer<EventEnvelope<P>> handle) {
        return new EventHandler<>() {
            @Override
            public Topic<P> topic() {
                return topic;
            }

            @Override
            public void handle(EventEnvelope<P> event) {
                handle.accept(event);
            }
        };
    }
}
