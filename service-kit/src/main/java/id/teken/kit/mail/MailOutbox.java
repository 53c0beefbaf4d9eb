package id.teken.kit.mail;

import id.teken.kit.outbox.AfterCommit;
import id.teken.kit.outbox.Correlation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.util.UUID;

/**
 * Queues a mail in the service's mail outbox inside the caller's transaction: the mail exists exactly when
 * the state change that calls for it commits, and no request or consumer waits on the mail server. The
 * {@link MailRelay} sends it after the commit and retries until the server takes it. The bodies are sealed at rest
 * ({@link MailSealer}).
 */
@ApplicationScoped
public class MailOutbox {

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    MailRelay relay;

    @Inject
    MailSealer sealer;

    /** Queues the mail; requires a running transaction. Returns the mail's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID enqueue(OutgoingMail mail) {
        UUID id = UUID.randomUUID();
        entityManager.createNativeQuery("""
                        INSERT INTO teken_mail_outbox (id, recipient, subject, text_body, html_body, correlation_id)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, id)
                .setParameter(2, mail.to())
                .setParameter(3, mail.subject())
                .setParameter(4, sealer.seal(id, mail.text()))
                .setParameter(5, sealer.seal(id, mail.html()))
                .setParameter(6, Correlation.current())
                .executeUpdate();
        AfterCommit.run(transactions, relay::wake);
        return id;
    }
}
