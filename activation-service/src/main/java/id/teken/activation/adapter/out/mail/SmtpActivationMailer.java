package id.teken.activation.adapter.out.mail;

import id.teken.activation.application.port.out.ActivationMailer;
import id.teken.activation.domain.Registrant;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Activation mails to the Email Dinas through SMTP, in Indonesian with HTML and plain-text parts. */
@ApplicationScoped
public class SmtpActivationMailer implements ActivationMailer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'WIB'",
            Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));

    @Inject
    Mailer mailer;

    @ConfigProperty(name = "teken.tenant.name")
    String tenantName;

    @Override
    public void sendActivationLink(Registrant to, String link, Instant expiresAt) {
        String until = WHEN.format(expiresAt);
        String text = """
                Yth. %s,

                Registrasi sertifikat elektronik Anda telah kami terima. Untuk mengaktifkannya, buka tautan berikut
                dan lengkapi data identitas, data kedinasan, swafoto, serta persetujuan:

                %s

                Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s.
                Jika tautan sudah kedaluwarsa, silakan registrasi ulang dari dasbor.

                %s
                """.formatted(to.nama(), link, until, tenantName);
        String html = """
                <p>Yth. %s,</p>
                <p>Registrasi sertifikat elektronik Anda telah kami terima. Untuk mengaktifkannya, buka tautan berikut
                dan lengkapi data identitas, data kedinasan, swafoto, serta persetujuan:</p>
                <p><a href="%s">Aktivasi Sertifikat Elektronik</a></p>
                <p>Atau salin tautan ini: %s</p>
                <p>Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s.
                Jika tautan sudah kedaluwarsa, silakan registrasi ulang dari dasbor.</p>
                <p>%s</p>
                """.formatted(escape(to.nama()), link, link, until, escape(tenantName));
        send(Mail.withText(to.emailDinas(), "Aktivasi Sertifikat Elektronik - " + tenantName, text).setHtml(html));
    }

    @Override
    public void sendRejection(Registrant to, String reason) {
        String text = """
                Yth. %s,

                Permohonan aktivasi sertifikat elektronik Anda tidak dapat disetujui oleh Verifikator TTE.
                Alasan: %s

                Anda dapat melakukan registrasi ulang dari dasbor setelah memperbaiki data.

                %s
                """.formatted(to.nama(), reason, tenantName);
        String html = """
                <p>Yth. %s,</p>
                <p>Permohonan aktivasi sertifikat elektronik Anda tidak dapat disetujui oleh Verifikator TTE.</p>
                <p><b>Alasan:</b> %s</p>
                <p>Anda dapat melakukan registrasi ulang dari dasbor setelah memperbaiki data.</p>
                <p>%s</p>
                """.formatted(escape(to.nama()), escape(reason), escape(tenantName));
        send(Mail.withText(to.emailDinas(), "Aktivasi Sertifikat Elektronik Ditolak - " + tenantName, text).setHtml(html));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
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
