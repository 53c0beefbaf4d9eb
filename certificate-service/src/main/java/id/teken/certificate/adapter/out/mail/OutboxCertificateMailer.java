package id.teken.certificate.adapter.out.mail;

import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.domain.PassphraseLink;
import id.teken.certificate.domain.SubscriberIdentity;
import id.teken.kit.mail.MailOutbox;
import id.teken.kit.mail.OutgoingMail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import id.teken.certificate.config.CertificateConfig;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Certificate mails to the Email Dinas, in Indonesian with HTML and plain-text parts, queued in the mail outbox and
 * sent through SMTP after the commit (id.teken.kit.mail.MailRelay).
 */
@ApplicationScoped
public class OutboxCertificateMailer implements CertificateMailer {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'WIB'",
            Locale.forLanguageTag("id-ID")).withZone(ZoneId.of("Asia/Jakarta"));

    @Inject
    MailOutbox outbox;

    @Inject
    CertificateConfig config;

    @Override
    public void sendAccountInformation(SubscriberIdentity to) {
        String rows = row("Nama", to.nama()) + row("NIP", to.nip()) + row("Email Dinas", to.emailDinas())
                + row("Instansi", to.instansi()) + row("Unit Organisasi", to.unitOrganisasi()) + row("Jabatan", to.jabatan());
        send(to, "Informasi Akun Sertifikat Elektronik - " + config.tenant().name(),
                "Yth. " + to.nama() + ",\n\nAktivasi sertifikat elektronik Anda berhasil. Data akun Anda:\n\n"
                        + rows.replaceAll("<[^>]+>", " ").replaceAll(" +", " ")
                        + "\n\nTautan untuk mengatur passphrase dikirim dalam email terpisah.\n\n" + config.tenant().name() + "\n",
                "<p>Yth. " + esc(to.nama()) + ",</p><p>Aktivasi sertifikat elektronik Anda berhasil. Data akun Anda:</p><table>"
                        + rows + "</table><p>Tautan untuk mengatur passphrase dikirim dalam email terpisah.</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendPassphraseLink(SubscriberIdentity to, PassphraseLink.Purpose purpose, String link, Instant expiresAt) {
        boolean reset = purpose == PassphraseLink.Purpose.RESET;
        boolean renew = purpose == PassphraseLink.Purpose.RENEW;
        String what = reset ? "mengatur ulang (reset) passphrase" : renew ? "memperbarui" : "mengatur passphrase";
        String note = reset ? "Reset passphrase membuat pasangan kunci dan sertifikat baru; sertifikat lama dicabut. "
                + "Dokumen yang sudah ditandatangani tetap dapat diverifikasi."
                : renew ? "Pembaruan membuat pasangan kunci dan sertifikat baru dengan passphrase yang Anda atur."
                : "Setelah passphrase diatur, sertifikat elektronik Anda diterbitkan.";
        send(to, (reset ? "Reset Passphrase" : renew ? "Perbarui" : "Atur Passphrase") + " Sertifikat Elektronik - " + config.tenant().name(),
                "Yth. " + to.nama() + ",\n\nBuka tautan berikut untuk " + what + " sertifikat elektronik Anda:\n\n" + link
                        + "\n\nTautan ini hanya dapat digunakan satu kali dan berlaku sampai " + WHEN.format(expiresAt) + ".\n" + note
                        + "\nJangan bagikan passphrase Anda kepada siapa pun, termasuk petugas.\n\n" + config.tenant().name() + "\n",
                "<p>Yth. " + esc(to.nama()) + ",</p><p>Klik tautan berikut untuk " + what + " sertifikat elektronik Anda:</p><p><a href=\""
                        + link + "\">" + (reset ? "Reset Passphrase" : renew ? "Perbarui Sertifikat" : "Atur Passphrase") + "</a></p><p>Atau salin tautan ini: " + link
                        + "</p><p>Tautan ini hanya dapat digunakan satu kali dan berlaku sampai " + WHEN.format(expiresAt) + ". " + note
                        + "</p><p>Jangan bagikan passphrase Anda kepada siapa pun, termasuk petugas.</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendCertificateIssued(SubscriberIdentity to, String serialNumber, Instant notBefore, Instant notAfter) {
        String rows = row("Nomor seri", serialNumber) + row("Berlaku sejak", WHEN.format(notBefore)) + row("Berlaku sampai", WHEN.format(notAfter));
        send(to, "Sertifikat Elektronik Terbit - " + config.tenant().name(),
                "Yth. " + to.nama() + ",\n\nSertifikat elektronik Anda telah terbit dan dapat digunakan untuk menandatangani dokumen.\n\n"
                        + rows.replaceAll("<[^>]+>", " ").replaceAll(" +", " ") + "\n\n" + config.tenant().name() + "\n",
                "<p>Yth. " + esc(to.nama()) + ",</p><p>Sertifikat elektronik Anda telah terbit dan dapat digunakan untuk menandatangani dokumen.</p><table>"
                        + rows + "</table><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendCredentialLocked(SubscriberIdentity to, Instant lockedUntil, String client) {
        // A lock may mean someone is guessing: the cure is a suspension by a verifier, not a reset (a reset would only
        // hand whoever holds the mailbox a fresh certificate).
        String what = client == null
                ? "Sertifikat elektronik Anda terkunci karena passphrase salah dimasukkan " + "beberapa kali berturut-turut. "
                + "Penandatanganan dapat dilakukan lagi setelah " + WHEN.format(lockedUntil) + "."
                : "Penandatanganan dengan sertifikat elektronik Anda melalui aplikasi \"" + client + "\" terkunci karena passphrase salah "
                + "dimasukkan beberapa kali berturut-turut, sampai " + WHEN.format(lockedUntil) + ". Penandatanganan Anda sendiri "
                + "melalui portal tidak terpengaruh.";
        String body = what + " Jika bukan Anda yang mencoba, segera hubungi Verifikator TTE agar sertifikat Anda dibekukan "
                + "(suspend) dan diperiksa. Jangan bagikan passphrase Anda kepada siapa pun, termasuk petugas.";
        send(to, "Sertifikat Elektronik Terkunci - " + config.tenant().name(), "Yth. " + to.nama() + ",\n\n" + body + "\n\n" + config.tenant().name() + "\n",
                "<p>Yth. " + esc(to.nama()) + ",</p><p>" + esc(body) + "</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendStatusChanged(SubscriberIdentity to, String serialNumber, String newStatus, String reason) {
        String body = "Status sertifikat elektronik Anda (nomor seri " + serialNumber + ") berubah menjadi " + newStatus
                + (reason == null || reason.isBlank() ? "." : " (" + reason + ").")
                + " Hubungi Verifikator TTE jika ada pertanyaan.";
        send(to, "Status Sertifikat Elektronik: " + newStatus + " - " + config.tenant().name(), "Yth. " + to.nama() + ",\n\n" + body + "\n\n"
                + config.tenant().name() + "\n", "<p>Yth. " + esc(to.nama()) + ",</p><p>" + esc(body) + "</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendExpiryReminder(SubscriberIdentity to, String serialNumber, Instant notAfter) {
        String body = "Sertifikat elektronik Anda (nomor seri " + serialNumber + ") berakhir pada " + WHEN.format(notAfter)
                + ". Lakukan pembaruan sebelum tanggal tersebut agar tetap dapat menandatangani.";
        send(to, "Sertifikat Elektronik Segera Berakhir - " + config.tenant().name(), "Yth. " + to.nama() + ",\n\n" + body + "\n\n"
                + config.tenant().name() + "\n", "<p>Yth. " + esc(to.nama()) + ",</p><p>" + esc(body) + "</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendSigningApproval(SubscriberIdentity to, String clientName, int signatures, String code, String link, Instant expiresAt) {
        String what = "Aplikasi \"" + clientName + "\" meminta izin menandatangani " + signatures + " dokumen atas nama Anda dengan "
                + "sertifikat elektronik Anda.";
        String how = "Jika Anda yang meminta, buka tautan berikut dan setujui dengan passphrase Anda; setelah itu berikan kode di "
                + "bawah kepada aplikasi tersebut. Kode tidak berlaku tanpa persetujuan Anda, dan hanya untuk aplikasi ini.";
        String until = "Permintaan ini berlaku sampai " + WHEN.format(expiresAt) + ". Jika bukan Anda yang meminta, abaikan email ini "
                + "dan jangan berikan kode kepada siapa pun.";
        send(to, "Persetujuan Tanda Tangan: " + clientName + " - " + config.tenant().name(),
                "Yth. " + to.nama() + ",\n\n" + what + "\n\n" + how + "\n\n" + link + "\n\nKode TOTP: " + code + "\n\n" + until
                        + "\n\n" + config.tenant().name() + "\n",
                "<p>Yth. " + esc(to.nama()) + ",</p><p>" + esc(what) + "</p><p>" + esc(how) + "</p><p><a href=\"" + link
                        + "\">Tinjau dan Setujui</a></p><p>Atau salin tautan ini: " + link + "</p><p>Kode TOTP: <strong>" + code
                        + "</strong></p><p>" + esc(until) + "</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendSigningCode(SubscriberIdentity to, String clientName, int signatures, String code, Instant expiresAt) {
        String what = "Aplikasi \"" + clientName + "\" akan menandatangani " + signatures + " dokumen atas nama Anda dengan sertifikat "
                + "elektronik Anda.";
        String how = "Jika Anda yang meminta, masukkan kode di bawah bersama passphrase Anda di aplikasi tersebut. Kode hanya berlaku "
                + "sekali, untuk aplikasi ini, sampai " + WHEN.format(expiresAt) + ".";
        String warn = "Jika bukan Anda yang meminta, abaikan email ini dan jangan berikan kode atau passphrase kepada siapa pun.";
        send(to, "Kode TOTP Tanda Tangan: " + clientName + " - " + config.tenant().name(),
                "Yth. " + to.nama() + ",\n\n" + what + "\n\nKode TOTP: " + code + "\n\n" + how + "\n\n" + warn + "\n\n"
                        + config.tenant().name() + "\n",
                "<p>Yth. " + esc(to.nama()) + ",</p><p>" + esc(what) + "</p><p>Kode TOTP: <strong>" + code + "</strong></p><p>"
                        + esc(how) + "</p><p>" + esc(warn) + "</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    @Override
    public void sendSealActivation(SubscriberIdentity unit, String clientName, String code, Instant expiresAt) {
        String what = "Aplikasi \"" + clientName + "\" meminta aktivasi segel elektronik " + unit.nama() + ". Dengan TOTP aktivasi "
                + "di bawah, aplikasi itu dapat meminta TOTP segel dan menyegel dokumen atas nama unit ini.";
        String how = "Jika unit Anda yang meminta, berikan kode ini kepada pengelola aplikasi tersebut. Kode hanya berlaku untuk "
                + "aplikasi ini, sampai " + WHEN.format(expiresAt) + " (diperpanjang setiap kali aplikasi memperbaruinya).";
        String warn = "Jika bukan unit Anda yang meminta, abaikan email ini, jangan berikan kode kepada siapa pun, dan hubungi ADMIN Teken.";
        send(unit, "Aktivasi Segel Elektronik: " + clientName + " - " + config.tenant().name(),
                "Yth. pengelola " + unit.nama() + ",\n\n" + what + "\n\nTOTP Aktivasi: " + code + "\n\n" + how + "\n\n" + warn
                        + "\n\n" + config.tenant().name() + "\n",
                "<p>Yth. pengelola " + esc(unit.nama()) + ",</p><p>" + esc(what) + "</p><p>TOTP Aktivasi: <strong>" + code
                        + "</strong></p><p>" + esc(how) + "</p><p>" + esc(warn) + "</p><p>" + esc(config.tenant().name()) + "</p>");
    }

    private void send(SubscriberIdentity to, String subject, String text, String html) {
        queue(new OutgoingMail(to.emailDinas(), subject, text, html));
    }

    private static String row(String label, String value) {
        return "<tr><td>" + label + "</td><td>: " + esc(value == null ? "-" : value) + "</td></tr>\n";
    }

    private static String esc(String s) {
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
