package id.teken.registration.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * An ASN's certificate registration and the dashboard status that follows it through activation and the
 * certificate's life. One per NIP; after a rejection or an expired link it returns to NOT_REGISTERED and
 * a new registration (with a new id) may start.
 */
public final class Registration {

    private final Nip nip;
    private UUID id;
    private Nik nik;
    private EmailAddress emailSiasn;
    private EmailDinas emailDinas;
    private CertificateStatus status;
    private Instant registeredAt;
    private Instant updatedAt;
    private String certificateSerial;
    private Instant validFrom;
    private Instant validTo;
    private final long version;

    public Registration(Nip nip, UUID id, Nik nik, EmailAddress emailSiasn, EmailDinas emailDinas,
                        CertificateStatus status, Instant registeredAt, Instant updatedAt, String certificateSerial,
                        Instant validFrom, Instant validTo, long version) {
        this.nip = nip;
        this.id = id;
        this.nik = nik;
        this.emailSiasn = emailSiasn;
        this.emailDinas = emailDinas;
        this.status = status;
        this.registeredAt = registeredAt;
        this.updatedAt = updatedAt;
        this.certificateSerial = certificateSerial;
        this.validFrom = validFrom;
        this.validTo = validTo;
        this.version = version;
    }

    /** A first registration: status NEW. */
    public static Registration submit(Nip nip, Nik nik, EmailAddress emailSiasn, EmailDinas emailDinas, Instant now) {
        return new Registration(nip, UUID.randomUUID(), nik, emailSiasn, emailDinas, CertificateStatus.NEW, now, now,
                null, null, null, -1);
    }

    /** Registers again on a row that went back to NOT_REGISTERED; a live registration refuses. */
    public void resubmit(Nik newNik, EmailAddress newEmailSiasn, EmailDinas newEmailDinas, Instant now) {
        if (!status.allowsRegistration()) {
            throw alreadyRegistered();
        }
        this.id = UUID.randomUUID();
        this.nik = newNik;
        this.emailSiasn = newEmailSiasn;
        this.emailDinas = newEmailDinas;
        this.status = CertificateStatus.NEW;
        this.registeredAt = now;
        this.updatedAt = now;
        this.certificateSerial = null;
        this.validFrom = null;
        this.validTo = null;
    }

    public DomainException alreadyRegistered() {
        return new DomainException(ErrorCode.ALREADY_REGISTERED,
                "NIP ini sudah terdaftar untuk sertifikat elektronik (status " + status + ").");
    }

    public boolean isNew() {
        return version < 0;
    }

    public Nip nip() {
        return nip;
    }

    public UUID id() {
        return id;
    }

    public Nik nik() {
        return nik;
    }

    public EmailAddress emailSiasn() {
        return emailSiasn;
    }

    public EmailDinas emailDinas() {
        return emailDinas;
    }

    public CertificateStatus status() {
        return status;
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Optional<String> certificateSerial() {
        return Optional.ofNullable(certificateSerial);
    }

    public Optional<Instant> validFrom() {
        return Optional.ofNullable(validFrom);
    }

    public Optional<Instant> validTo() {
        return Optional.ofNullable(validTo);
    }

    public long version() {
        return version;
    }
}
