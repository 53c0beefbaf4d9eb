package id.teken.kit.outbox;

import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;

/**
 * Writes an event into the service's outbox table inside the caller's transaction, so the state change
 * and the event commit together or not at all. The relay publishes it after the commit. The event is also appended to
 * the service's audit chain ({@link id.teken.kit.audit.AuditChain}) in the same transaction.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    id.teken.kit.audit.AuditChain audit;

    /** Appends the event; requires a running transaction. Returns the envelope written. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <P> EventEnvelope<P> append(Topic<P> topic, String aggregateId, P payload) {
        EventEnvelope<P> envelope = EventEnvelope.of(topic, aggregateId, Correlation.current(), payload);
        entityManager.createNativeQuery("""
                        INSERT INTO teken_outbox (id, topic, record_key, event_type, body, correlation_id, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)""")
                .setParameter(1, envelope.eventId())
                .setParameter(2, topic.name())
                .setParameter(3, aggregateId)
                .setParameter(4, topic.eventType())
                .setParameter(5, EventCodec.toJson(envelope))
                .setParameter(6, envelope.correlationId())
                .setParameter(7, Timestamp.from(envelope.occurredAt()))
                .executeUpdate();
        // Every event a service publishes is also an entry of its tamper-evident audit trail (same transaction).
        audit.append("system", topic.eventType(), aggregateId, EventCodec.toJson(envelope));
        AfterCommit.run(transactions, relay::wake);
        return envelope;
    }
}
