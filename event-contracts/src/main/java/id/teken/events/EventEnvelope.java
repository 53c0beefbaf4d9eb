package id.teken.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * The JSON body of every Teken Kafka record: identity, type and time of the fact, the aggregate it is
 * about (also the record key), the correlation id of the request that caused it, and the payload.
 */
public record EventEnvelope<P>(
        UUID eventId,
        String eventType,
        int eventVersion,
        Instant occurredAt,
        String aggregateId,
        String correlationId,
        P payload) {

    public EventEnvelope {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(payload, "payload");
    }

    /** A new envelope for a fact that happens now. */
    public static <P> EventEnvelope<P> of(Topic<P> topic, String aggregateId, String correlationId, P payload) {
        return new EventEnvelope<>(UUID.randomUUID(), topic.eventType(), topic.eventVersion(),
                Instant.now(), aggregateId, correlationId, payload);
    }
}
