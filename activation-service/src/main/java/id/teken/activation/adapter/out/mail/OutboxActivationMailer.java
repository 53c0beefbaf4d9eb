package id.teken.activation.adapter.out.mail;

import id.teken.activation.config.ActivationConfig;
import id.teken.activation.application.port.out.ActivationMailer;
import id.teken.activation.domain.Registrant;
import id.teken.kit.mail.MailOutbox;
import id.teken.kit.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Activation mails to the Email Dinas, in Indonesian with HTML and plain-text parts, queued in the mail outbox and
 * sent through SMTP after the commit (id.teken.kit.mail.MailRelay).
 */
@ApplicationScoped
public class OutboxActivationMailer implements ActivationMailer {

    @Inject
    ActivationConfig config;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'WIB'",
            Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));

    @Inject
    MailOutbox outbox;

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
                """.formatted(to.nama(), link, until, config.tenant().name());
        String html = """
                <p>Yth. %s,</p>
                <p>Registrasi sertifikat elektronik Anda telah kami terima. Untuk mengaktifkannya, buka tautan berikut
                dan lengkapi data identitas, data kedinasan, swafoto, serta persetujuan:</p>
                <p><a href="%s">Aktivasi Sertifikat Elektronik</a></p>
                <p>Atau salin tautan ini: %s</p>
                <p>Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s.
                Jika tautan sudah kedaluwarsa, silakan registrasi ulang dari dasbor.</p>
                <p>%s</p>
                """.formatted(escape(to.nama()), link, link, until, escape(config.tenant().name()));
        queue(new OutgoingMail(to.emailDinas(), "Aktivasi Sertifikat Elektronik - " + config.tenant().name(), text, html));
    }

    @Override
    public void sendRejection(Registrant to, String reason) {
        String text = """
                Yth. %s,

                Permohonan aktivasi sertifikat elektronik Anda tidak dapat disetujui oleh Verifikator TTE.
                Alasan: %s

                Anda dapat melakukan registrasi ulang dari dasbor setelah memperbaiki data.

                %s
                """.formatted(to.nama(), reason, config.tenant().name());
        String html = """
                <p>Yth. %s,</p>
                <p>Permohonan aktivasi sertifikat elektronik Anda tidak dapat disetujui oleh Verifikator TTE.</p>
                <p><b>Alasan:</b> %s</p>
                <p>Anda dapat melakukan registrasi ulang dari dasbor setelah memperbaiki data.</p>
                <p>%s</p>
                """.formatted(escape(to.nama()), escape(reason), escape(config.tenant().name()));
        queue(new OutgoingMail(to.emailDinas(), "Aktivasi Sertifikat Elektronik Ditolak - " + config.tenant().name(), text, html));
    }

    private static String escape(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Queues the mail in the mail outbox inside the caller's transaction: it goes out after the commit (and only
     * then), retried by the relay until the mail server takes it; the caller never waits on the mail server.
     */
    private void queue(OutgoingMail mail) {
        outbox.enqueue(mail);
    }
}
