package id.teken.registration.adapter.out.mail;

import id.teken.devstack.DevStack;
import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import id.teken.kit.mail.MailOutbox;
import id.teken.kit.mail.OutgoingMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionalException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The mail outbox against the real GreenMail: a mail queued while SMTP is down is kept, retried and arrives once the
 * server is back, a rolled-back transaction sends nothing, and a sent mail's body (with its one-time
 * link) does not stay in the database.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class MailOutboxTest {

    static final String JOKO = "199206102019031006";
    static final String JOKO_MAIL = "joko.susilo@example.com";

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @Inject
    EntityManager entityManager;

    @Inject
    MailOutbox outbox;

    @Test
    void aResetRequestedWhileSmtpIsDown_isAnsweredAtOnce_andTheMailArrivesWhenSmtpIsBack() {
        DevStack stack = DevStack.shared();
        stack.stopMail();
        try {
            given().contentType(ContentType.JSON).body(Map.of("nip", JOKO))
                    .post("/api/v1/auth/password-reset").then().statusCode(202);
            Instant deadline = Instant.now().plusSeconds(30);
            Object[] row;
            do {
                row = pending(JOKO_MAIL);
            } while ((row == null || ((Number) row[0]).intValue() < 1) && Instant.now().isBefore(deadline) && sleep(200));
            assertThat(row).as("queued mail tried and kept").isNotNull();
            assertThat(((Number) row[0]).intValue()).isGreaterThanOrEqualTo(1);
            assertThat((String) row[1]).isNotBlank();
            // While it waits, its body (with the one-time link) is sealed: a database dump shows no link.
            Object[] bodies = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "SELECT text_body, html_body FROM teken_mail_outbox WHERE recipient = ?1 AND sent_at IS NULL")
                    .setParameter(1, JOKO_MAIL).getResultList().get(0));
            assertThat((String) bodies[0]).startsWith("v1:").doesNotContain("lupa-password").doesNotContain("Yth.");
            assertThat((String) bodies[1]).startsWith("v1:").doesNotContain("lupa-password");
        } finally {
            stack.startMail();
        }
        List<MailInbox.Message> mails = new MailInbox(mailApi).await(JOKO_MAIL, 1, Duration.ofSeconds(90));
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).contains("Atur Password");
        assertThat(mails.get(0).link("/lupa-password/")).isPresent();
        // Sent: marked, and the body with the one-time link wiped.
        Object[] sent = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                        "SELECT count(*) FILTER (WHERE sent_at IS NULL), count(*) FILTER (WHERE text_body IS NOT NULL OR html_body IS NOT NULL) "
                                + "FROM teken_mail_outbox WHERE recipient = ?1")
                .setParameter(1, JOKO_MAIL).getSingleResult());
        assertThat(((Number) sent[0]).intValue()).isZero();
        assertThat(((Number) sent[1]).intValue()).isZero();
    }

    @Test
    void aMailQueuedInATransactionThatRollsBack_isNeverSent() throws Exception {
        String to = "rollback.check@ponorogo.go.id";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            outbox.enqueue(new OutgoingMail(to, "Tidak boleh terkirim", "isi", null));
            throw new IllegalStateException("the state change failed");
        })).isInstanceOf(IllegalStateException.class);
        QuarkusTransaction.requiringNew().run(() -> outbox.enqueue(new OutgoingMail(to, "Terkirim", "isi", "<p>isi</p>")));
        List<MailInbox.Message> mails = new MailInbox(mailApi).await(to, 1, Duration.ofSeconds(30));
        // No pause needed: mails to one address leave in the order they were queued, so a rolled-back mail that had been
        // queued would have gone first; and no row of it exists to be sent later.
        assertThat(new MailInbox(mailApi).messages(to)).extracting(MailInbox.Message::subject).containsExactly("Terkirim");
        Number rolledBack = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM teken_mail_outbox WHERE recipient = ?1 AND subject = ?2")
                .setParameter(1, to).setParameter(2, "Tidak boleh terkirim").getSingleResult());
        assertThat(rolledBack.intValue()).isZero();
        assertThat(mails).hasSize(1);
    }

    @Test
    void mailsToOneAddress_goOutInTheOrderTheyWereMade_evenWhenTheFirstMustBeRetried() throws Exception {
        String to = "urutan.check@ponorogo.go.id";
        DevStack stack = DevStack.shared();
        stack.stopMail();
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                outbox.enqueue(new OutgoingMail(to, "Pertama", "isi 1", null));
                outbox.enqueue(new OutgoingMail(to, "Kedua", "isi 2", null));
            });
            Instant deadline = Instant.now().plusSeconds(30);
            while (attempts(to, "Pertama") < 1 && Instant.now().isBefore(deadline)) {
                Thread.sleep(200);
            }
            assertThat(attempts(to, "Pertama")).isPositive();
            // The second waits behind the first instead of being tried (and perhaps delivered) before it.
            assertThat(attempts(to, "Kedua")).isZero();
        } finally {
            stack.startMail();
        }
        assertThat(new MailInbox(mailApi).await(to, 2, Duration.ofSeconds(60))).extracting(MailInbox.Message::subject)
                .containsExactly("Pertama", "Kedua");
    }

    private int attempts(String to, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "SELECT attempts FROM teken_mail_outbox WHERE recipient = ?1 AND subject = ?2")
                .setParameter(1, to).setParameter(2, subject).getSingleResult()).intValue());
    }

    @Test
    void queueingOutsideATransaction_orToMoreThanOneAddress_isRefused() {
        assertThatThrownBy(() -> outbox.enqueue(new OutgoingMail("a@ponorogo.go.id", "s", "t", null)))
                .isInstanceOf(TransactionalException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@ponorogo.go.id, b@ponorogo.go.id", "s", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@ponorogo.go.id", "s\r\nBcc: x@y", "t", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new OutgoingMail("a@ponorogo.go.id", "Subjek", "rahasia-token", null).toString()).doesNotContain("rahasia");
    }

    private Object[] pending(String recipient) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "SELECT attempts, last_error FROM teken_mail_outbox WHERE recipient = ?1 AND sent_at IS NULL")
                .setParameter(1, recipient).getResultList());
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static boolean sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return true;
    }
}
