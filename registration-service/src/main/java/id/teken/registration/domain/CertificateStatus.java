package id.teken.registration.domain;

/** The nine statuses that users and integrators see (BSrE's own names). */
public enum CertificateStatus {
    NOT_REGISTERED, NEW, WAITING_FOR_VERIFICATION, NO_CERTIFICATE, ISSUE, EXPIRED, RENEW, SUSPEND, REVOKE;

    /** Only a user with no live registration may register (again, after a rejection or expiry). */
    public boolean allowsRegistration() {
        return this == NOT_REGISTERED;
    }
}
