package id.teken.registration.adapter.out.mail;

import id.teken.registration.application.port.out.AccountMailer;
import id.teken.registration.domain.EmailAddress;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Account mails through the configured SMTP server, in Indonesian, with HTML and plain-text parts. */
@ApplicationScoped
public class SmtpAccountMailer implements AccountMailer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'WIB'",
            Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "teken.tenant.name")
    String tenantName;

    @Override
    public void sendPasswordResetLink(EmailAddress to, String nama, String link, Instant expiresAt) {
        String until = WHEN.format(expiresAt);
        String text = """
                Yth. %s,

                Kami menerima permintaan untuk mengatur password akun Anda (Lupa Password).
                Buka tautan berikut untuk membuat password baru:

                %s

                Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s.
                Jika Anda tidak meminta ini, abaikan email ini; password Anda tidak berubah.

                %s
                """.formatted(nama, link, until, tenantName);
        String html = """
                <p>Yth. %s,</p>
                <p>Kami menerima permintaan untuk mengatur password akun Anda (Lupa Password).
                Klik tombol berikut untuk membuat password baru:</p>
                <p><a href="%s">Atur Password</a></p>
                <p>Atau salin tautan ini: %s</p>
                <p>Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s.
                Jika Anda tidak meminta ini, abaikan email ini; password Anda tidak berubah.</p>
                <p>%s</p>
                """.formatted(escape(nama), link, link, until, escape(tenantName));
        try {
            send(Mail.withText(to.value(), "Atur Password Akun - " + tenantName, text).setHtml(html));
        } catch (RuntimeException e) {
            throw new MailNotSent("password reset mail not accepted by the mail server: " + e.getClass().getSimpleName());
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Sends with one more try when the SMTP exchange fails or stalls (quarkus.mailer.timeout): a pooled connection the
     * server had already closed must not cost the mail. A bad address is not retried.
     */
    private void send(Mail mail) {
        try {
            mailer.send(mail);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException first) {
            org.jboss.logging.Logger.getLogger(getClass()).warnf("Mail not sent (%s); trying once more", first.getClass().getSimpleName());
            mailer.send(mail);
        }
    }
}
