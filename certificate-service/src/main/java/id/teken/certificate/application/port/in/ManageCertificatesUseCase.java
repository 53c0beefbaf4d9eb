package id.teken.certificate.application.port.in;

import id.teken.certificate.domain.Credential;

import java.util.List;

/** The Verifikator TTE's certificate actions (each audited), and the expiry job. */
public interface ManageCertificatesUseCase {

    /** Every certificate of a NIP, oldest first, with whether the owner's use is locked now (the look-up is audited). */
    List<CertificateRecord> certificatesOf(String nip, String verifierNip);

    /** A credential as the console shows it. */
    record CertificateRecord(Credential credential, boolean locked) {
    }

    Credential suspend(String serialNumber, String verifierNip, String note);

    Credential unsuspend(String serialNumber, String verifierNip);

    Credential revoke(String serialNumber, String verifierNip, String rfc5280Reason);

    /** Marks certificates past their end EXPIRED and mails reminders before the end; returns how many expired. */
    int expireAndRemind();
}
