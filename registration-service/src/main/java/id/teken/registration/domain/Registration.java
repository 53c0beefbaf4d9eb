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
    private String statusNote;
    private ContractTerms contract;
    private final long version;

    public Registration(Nip nip, UUID id, Nik nik, EmailAddress emailSiasn, EmailDinas emailDinas,
                        CertificateStatus status, Instant registeredAt, Instant updatedAt, String certificateSerial,
                        Instant validFrom, Instant validTo, String statusNote, long version) {
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
        this.statusNote = statusNote;
        this.version = version;
    }

    /** A first registration: status NEW. */
    public static Registration submit(Nip nip, Nik nik, EmailAddress emailSiasn, EmailDinas emailDinas, Instant now) {
        return new Registration(nip, UUID.randomUUID(), nik, emailSiasn, emailDinas, CertificateStatus.NEW, now, now,
                null, null, null, null, -1);
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
        this.statusNote = null;
        this.contract = null;
    }

    /** This registration is contract staff's, enrolled by a verifier (always reviewed; the certificate ends with the contract). */
    public Registration underContract(ContractTerms terms) {
        this.contract = terms;
        return this;
    }

    public Optional<ContractTerms> contract() {
        return Optional.ofNullable(contract);
    }

    /** Activation submitted, a verifier must decide. False when the event is not about this registration. */
    public boolean awaitVerification(UUID registrationId, Instant now) {
        return move(registrationId, EnumSetOf.NEW, CertificateStatus.WAITING_FOR_VERIFICATION, null, now);
    }

    /** Activation completed: the passphrase can be set next. */
    public boolean activated(UUID registrationId, Instant now) {
        return move(registrationId, EnumSetOf.NEW_OR_WAITING, CertificateStatus.NO_CERTIFICATE, null, now);
    }

    /** Activation rejected or its link expired: back to NOT_REGISTERED, so the ASN may register again. */
    public boolean activationClosed(UUID registrationId, String note, Instant now) {
        return move(registrationId, EnumSetOf.NEW_OR_WAITING, CertificateStatus.NOT_REGISTERED, note, now);
    }

    /** A certificate was issued to this NIP (first issue, reset or renewal): ISSUE with its serial and validity. */
    public boolean certificateIssued(String serial, Instant from, Instant to, Instant now) {
        if (serial.equals(certificateSerial)) {
            return false;
        }
        status = CertificateStatus.ISSUE;
        certificateSerial = serial;
        validFrom = from;
        validTo = to;
        statusNote = null;
        updatedAt = now;
        return true;
    }

    /**
     * The current certificate was revoked: REVOKE. A certificate superseded by a reset changes nothing (the new
     * certificate's own event follows), nor does the revocation of an older serial.
     */
    public boolean certificateRevoked(String serial, String reason, Instant now) {
        if (!serial.equals(certificateSerial) || "superseded".equals(reason) || status != CertificateStatus.ISSUE) {
            return false;
        }
        status = CertificateStatus.REVOKE;
        statusNote = "Sertifikat dicabut (" + reason + ").";
        updatedAt = now;
        return true;
    }

    /**
     * The current certificate was suspended (SUSPEND), reinstated (ISSUE), reached its end (EXPIRED) or is being
     * renewed (RENEW, until the new certificate's issue).
     */
    public boolean certificateStatusChanged(String serial, CertificateStatus newStatus, String note, Instant now) {
        if (!serial.equals(certificateSerial) || status == newStatus || status == CertificateStatus.REVOKE) {
            return false;
        }
        status = newStatus;
        statusNote = note;
        updatedAt = now;
        return true;
    }

    private boolean move(UUID registrationId, java.util.Set<CertificateStatus> from, CertificateStatus to, String note,
                         Instant now) {
        if (!id.equals(registrationId) || !from.contains(status)) {
            return false;
        }
        status = to;
        statusNote = note;
        updatedAt = now;
        return true;
    }

    /** The statuses a transition may start from. */
    private static final class EnumSetOf {
        static final java.util.Set<CertificateStatus> NEW = java.util.EnumSet.of(CertificateStatus.NEW);
        static final java.util.Set<CertificateStatus> NEW_OR_WAITING =
                java.util.EnumSet.of(CertificateStatus.NEW, CertificateStatus.WAITING_FOR_VERIFICATION);
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

    public Optional<String> statusNote() {
        return Optional.ofNullable(statusNote);
    }

    public long version() {
        return version;
    }
}
