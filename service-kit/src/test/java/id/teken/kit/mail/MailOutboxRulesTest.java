package id.teken.kit.mail;

import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MailOutboxRulesTest {

    @Test
    void aMailHasExactlyOneUsableAddress_andASubjectWithoutHeaderInjection() {
        assertThat(new OutgoingMail("budi.santoso@ponorogo.go.id", "Subjek", "isi", null).to()).isEqualTo("budi.santoso@ponorogo.go.id");
        assertThat(new OutgoingMail("a+b@example.com", "s", "t", "<p>t</p>").html()).isEqualTo("<p>t</p>");
        for (String bad : new String[]{"bukan alamat email", "a@b", "a@ponorogo.go.id, b@ponorogo.go.id", "a@x.id;b@y.id",
                "Budi <budi@ponorogo.go.id>", "a@x.id\r\nBcc: c@d.id", "", "@ponorogo.go.id", "x".repeat(65) + "@x.id"}) {
            assertThatThrownBy(() -> new OutgoingMail(bad, "s", "t", null)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new OutgoingMail("a@x.id", "s\r\nBcc: c@d.id", "t", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@x.id", "s".repeat(501), "t", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OutgoingMail("a@x.id", "s", null, null)).isInstanceOf(NullPointerException.class);
        // The body (with its one-time link) never shows in a log line made from the mail.
        assertThat(new OutgoingMail("a@x.id", "Atur Passphrase", "https://teken/l/rahasia", null).toString())
                .contains("Atur Passphrase").doesNotContain("rahasia").doesNotContain("a@x.id");
    }

    @Test
    void retriesWaitLongerEachTime_upToTheCap() {
        java.util.function.IntFunction<Duration> backoff = n -> MailRelay.backoff(n, Duration.ofSeconds(2), Duration.ofMinutes(5));
        assertThat(backoff.apply(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.apply(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(backoff.apply(5)).isEqualTo(Duration.ofSeconds(32));
        assertThat(backoff.apply(8)).isEqualTo(Duration.ofSeconds(256));
        assertThat(backoff.apply(9)).isEqualTo(Duration.ofMinutes(5));
        assertThat(backoff.apply(60)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void onlyPermanentRefusalsAreGivenUpAtOnce() {
        assertThat(MailRelay.permanent(new RuntimeException(new SMTPException("", 550, java.util.List.of("5.1.1 no such user"), false)))).isTrue();
        assertThat(MailRelay.permanent(new SMTPException("", 421, java.util.List.of("Service shutting down"), false))).isFalse();
        assertThat(MailRelay.permanent(new RuntimeException(new TimeoutException()))).isFalse();
        assertThat(MailRelay.permanent(new IllegalArgumentException("Unable to send an email, an email address is invalid"))).isTrue();
        // A 5xx is tried once more before the mail is given up; a bad address at once; anything else until the last attempt.
        SMTPException refused = new SMTPException("", 550, java.util.List.of("5.1.1 no such user"), false);
        assertThat(MailRelay.givesUp(refused, 1, 40)).isFalse();
        assertThat(MailRelay.givesUp(refused, 2, 40)).isTrue();
        assertThat(MailRelay.givesUp(new IllegalArgumentException("an email address is invalid"), 1, 40)).isTrue();
        assertThat(MailRelay.givesUp(new RuntimeException(new TimeoutException()), 39, 40)).isFalse();
        assertThat(MailRelay.givesUp(new RuntimeException(new TimeoutException()), 40, 40)).isTrue();
    }
}
