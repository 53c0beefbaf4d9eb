package id.teken.registration.adapter.out.mail;

import id.teken.registration.config.RegistrationConfig;
import id.teken.registration.application.port.out.AccountMailer;
import id.teken.registration.domain.EmailAddress;
import id.teken.kit.mail.MailOutbox;
import id.teken.kit.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Account mails in Indonesian, with HTML and plain-text parts, queued in the mail outbox and sent through the
 * configured SMTP server after the commit (id.teken.kit.mail.MailRelay).
 */
@ApplicationScoped
public class OutboxAccountMailer implements AccountMailer {

    @Inject
    RegistrationConfig config;

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'WIB'",
            Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));

    @Inject
    MailOutbox outbox;

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
                """.formatted(nama, link, until, config.tenant().name());
        String html = """
                <p>Yth. %s,</p>
                <p>Kami menerima permintaan untuk mengatur password akun Anda (Lupa Password).
                Klik tombol berikut untuk membuat password baru:</p>
                <p><a href="%s">Atur Password</a></p>
                <p>Atau salin tautan ini: %s</p>
                <p>Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s.
                Jika Anda tidak meminta ini, abaikan email ini; password Anda tidak berubah.</p>
                <p>%s</p>
                """.formatted(escape(nama), link, link, until, escape(config.tenant().name()));
        try {
            queue(new OutgoingMail(to.value(), "Atur Password Akun - " + config.tenant().name(), text, html));
        } catch (IllegalArgumentException e) {
            throw new MailNotSent("password reset mail not queued: the address is not usable");
        }
    }

    @Override
    public void sendAccountCreated(EmailAddress to, String nama, String accountNumber, String link, Instant expiresAt) {
        String until = WHEN.format(expiresAt);
        String text = """
                Yth. %s,

                Verifikator TTE telah mendaftarkan Anda sebagai tenaga kontrak untuk sertifikat elektronik.
                Nomor akun Anda (dipakai sebagai NIP saat masuk): %s

                Buat password akun Anda melalui tautan berikut:

                %s

                Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s. Setelah itu, gunakan Lupa Password
                dengan nomor akun di atas. Tautan aktivasi sertifikat dikirim dalam email terpisah.

                %s
                """.formatted(nama, accountNumber, link, until, config.tenant().name());
        String html = """
                <p>Yth. %s,</p>
                <p>Verifikator TTE telah mendaftarkan Anda sebagai tenaga kontrak untuk sertifikat elektronik.</p>
                <p>Nomor akun Anda (dipakai sebagai NIP saat masuk): <strong>%s</strong></p>
                <p><a href="%s">Buat Password</a></p>
                <p>Atau salin tautan ini: %s</p>
                <p>Tautan ini hanya dapat digunakan satu kali dan berlaku sampai %s. Setelah itu, gunakan Lupa Password
                dengan nomor akun di atas. Tautan aktivasi sertifikat dikirim dalam email terpisah.</p>
                <p>%s</p>
                """.formatted(escape(nama), accountNumber, link, link, until, escape(config.tenant().name()));
        try {
            queue(new OutgoingMail(to.value(), "Nomor Akun Tenaga Kontrak - " + config.tenant().name(), text, html));
        } catch (IllegalArgumentException e) {
            throw new MailNotSent("account mail not queued: the address is not usable");
        }
    }

    @Override
    public void sendClientDisabled(EmailAddress to, String nama, String clientUsername, String reason, Instant at) {
        String body = "Aplikasi klien \"" + clientUsername + "\" dinonaktifkan otomatis pada " + WHEN.format(at) + " karena terlalu "
                + "banyak permintaan gagal (" + reason + "): passphrase salah, penanda tangan di luar cakupan, atau penanda tangan "
                + "tidak dikenal. Periksa aplikasi tersebut dan jejak audit di konsol Admin sebelum mengaktifkannya kembali.";
        try {
            queue(new OutgoingMail(to.value(), "Aplikasi Klien Dinonaktifkan: " + clientUsername + " - " + config.tenant().name(),
                    "Yth. " + nama + ",\n\n" + body + "\n\n" + config.tenant().name() + "\n",
                    "<p>Yth. " + escape(nama) + ",</p><p>" + escape(body) + "</p><p>" + escape(config.tenant().name()) + "</p>"));
        } catch (IllegalArgumentException e) {
            throw new MailNotSent("client-disabled mail not queued: the address is not usable");
        }
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /**
     * Queues the mail in the mail outbox inside the caller's transaction: it goes out after the commit (and only
     * then), retried by the relay until the mail server takes it; the caller never waits on the mail server.
     */
    private void queue(OutgoingMail mail) {
        outbox.enqueue(mail);
    }
}
