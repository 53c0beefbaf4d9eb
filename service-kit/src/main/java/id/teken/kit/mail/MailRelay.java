package id.teken.kit.mail;

import id.teken.kit.outbox.BackgroundRelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the mail outbox's due mails, oldest first, after the transactions that queued them have committed; a mail waits
 * while an earlier one to the same address is unsent, so a person gets them in the order they were made.
 * Due mails are leased (lease_until) in a short transaction, sent outside any transaction, then marked: sent
 * (bodies wiped), or due again after a growing pause (teken.mail.retry-initial doubling up to retry-max), or
 * given up after teken.mail.max-attempts, a 5xx refusal that repeats, or an address the client will not take. Several instances of a service share
 * the table safely (FOR UPDATE SKIP LOCKED + lease); a crash after the server took a mail but before it was
 * marked sends it once more when the lease runs out (at least once, like the event outbox).
 */
@ApplicationScoped
public class MailRelay extends BackgroundRelay {

    private static final Logger LOG = Logger.getLogger(MailRelay.class);

    @Inject
    MailSettings settings;

    @Inject
    EntityManager entityManager;

    @Inject
    Mailer mailer;

    @Inject
    MeterRegistry meters;

    @Inject
    MailSealer sealer;

    private final AtomicLong pending = new AtomicLong();
    private Instant nextCleanup = Instant.EPOCH;

    private record Due(UUID id, String to, String subject, String text, String html, int attempts, String correlationId) {
    }

    void start(@Observes StartupEvent event) {
        Gauge.builder("teken_mail_outbox_pending", pending, AtomicLong::get)
                .description("Mails queued and not yet taken by the mail server").register(meters);
        if (settings.relay().enabled()) {
            startWorker("teken-mail-relay", settings.batchSize(), settings.pollInterval());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopWorker(15_000);
    }

    @Override
    protected int round() {
        int handled = relayBatch();
        cleanupIfDue();
        return handled;
    }

    /** Leases and sends one batch of due mails; returns how many were handled (sent or not). */
    int relayBatch() {
        List<Due> due = lease();
        for (Due mail : due) {
            if (!isRunning()) {
                break;
            }
            send(mail);
        }
        if (!due.isEmpty()) {
            wake();   // mails held back behind these (same address) may be due now
        }
        return due.size();
    }

    private List<Due> lease() {
        return QuarkusTransaction.requiringNew().timeout(30).call(() -> {
            pending.set(((Number) entityManager.createNativeQuery(
                    "SELECT count(*) FROM teken_mail_outbox WHERE sent_at IS NULL AND failed_at IS NULL").getSingleResult()).longValue());
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                            SELECT m.id, m.recipient, m.subject, m.text_body, m.html_body, m.attempts, m.correlation_id
                            FROM teken_mail_outbox m
                            WHERE m.sent_at IS NULL AND m.failed_at IS NULL AND m.next_attempt_at <= now()
                              AND (m.lease_until IS NULL OR m.lease_until < now())
                              AND NOT EXISTS (SELECT 1 FROM teken_mail_outbox e WHERE e.recipient = m.recipient AND e.seq < m.seq
                                              AND e.sent_at IS NULL AND e.failed_at IS NULL)
                            ORDER BY m.seq LIMIT ?1 FOR UPDATE OF m SKIP LOCKED""")
                    .setParameter(1, settings.batchSize())
                    .getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            List<Due> due = rows.stream().map(r -> new Due((UUID) r[0], (String) r[1], (String) r[2],
                    sealer.open((UUID) r[0], (String) r[3]), sealer.open((UUID) r[0], (String) r[4]), ((Number) r[5]).intValue(),
                    (String) r[6])).toList();
            entityManager.createNativeQuery("UPDATE teken_mail_outbox SET lease_until = ?1 WHERE id = ANY(?2)")
                    .setParameter(1, Timestamp.from(Instant.now().plus(settings.lease())))
                    .setParameter(2, due.stream().map(Due::id).toArray(UUID[]::new))
                    .executeUpdate();
            return due;
        });
    }

    private void send(Due mail) {
        if (mail.correlationId() != null) {
            MDC.put("correlationId", mail.correlationId());
        }
        try {
            Mail message = Mail.withText(mail.to(), mail.subject(), mail.text());
            if (mail.html() != null) {
                message.setHtml(mail.html());
            }
            mailer.send(message);
            mark(mail.id(), "sent_at = now(), text_body = NULL, html_body = NULL, last_error = NULL", null, null);
            meters.counter("teken_mails_total", "outcome", "sent").increment();
            LOG.debugf("Mail %s sent (%s)", mail.id(), mail.subject());
        } catch (RuntimeException e) {
            int attempts = mail.attempts() + 1;
            String error = rootMessage(e);
            if (givesUp(e, attempts, settings.maxAttempts())) {
                mark(mail.id(), "failed_at = now(), text_body = NULL, html_body = NULL, last_error = :error", error, null);
                meters.counter("teken_mails_total", "outcome", "failed").increment();
                LOG.errorf("Mail %s (%s) given up after %d attempt(s): %s", mail.id(), mail.subject(), attempts, error);
            } else {
                Duration wait = backoff(attempts);
                mark(mail.id(), "next_attempt_at = :next, last_error = :error", error, Timestamp.from(Instant.now().plus(wait)));
                meters.counter("teken_mails_total", "outcome", "retried").increment();
                LOG.warnf("Mail %s (%s) not sent (%s); attempt %d, next in %d s", mail.id(), mail.subject(), error,
                        attempts, wait.toSeconds());
            }
        } finally {
            MDC.remove("correlationId");
        }
    }

    private void mark(UUID id, String assignments, String error, Timestamp next) {
        QuarkusTransaction.requiringNew().timeout(30).run(() -> {
            var query = entityManager.createNativeQuery("UPDATE teken_mail_outbox SET " + assignments
                    + ", attempts = attempts + 1, lease_until = NULL WHERE id = :id");
            if (error != null) {
                query.setParameter("error", error.length() > 500 ? error.substring(0, 500) : error);
            }
            if (next != null) {
                query.setParameter("next", next);
            }
            query.setParameter("id", id).executeUpdate();
        });
    }

    /** The pause before attempt n+1 after n failed attempts. */
    Duration backoff(int failedAttempts) {
        return backoff(failedAttempts, settings.retryInitial(), settings.retryMax());
    }

    /** Doubling from {@code initial} with each failed attempt, never more than {@code max}. */
    static Duration backoff(int failedAttempts, Duration initial, Duration max) {
        long factor = 1L << Math.min(failedAttempts - 1, 20);
        Duration d = initial.multipliedBy(factor);
        return d.compareTo(max) > 0 ? max : d;
    }

    /**
     * Whether a failed mail is given up on: after the last attempt, or on a permanent refusal that came twice. A single
     * 5xx is tried once more (after teken.mail.retry-initial): a connection whose replies got out of step reads as a
     * refusal once (seen with a pooled connection answering a command with the next connection's "220 ... ready"), and a
     * mail to a person's reset link is worth one more try; an address the client will not take is given up at once.
     */
    static boolean givesUp(Throwable e, int attempts, int maxAttempts) {
        if (attempts >= maxAttempts) {
            return true;
        }
        if (!permanent(e)) {
            return false;
        }
        return attempts >= 2 || causes(e, IllegalArgumentException.class);
    }

    private static boolean causes(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** A refusal the server will repeat (5xx, or an address the client will not take). */
    static boolean permanent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp && smtp.getReplyCode() >= 500 && smtp.getReplyCode() < 600) {
                return true;
            }
            if (t instanceof IllegalArgumentException) {
                return true;
            }
        }
        return false;
    }

    private void cleanupIfDue() {
        if (Instant.now().isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = Instant.now().plus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM teken_mail_outbox WHERE (sent_at IS NOT NULL OR failed_at IS NOT NULL) AND created_at < ?1")
                .setParameter(1, Timestamp.from(Instant.now().minus(settings.retention())))
                .executeUpdate());
    }
}
