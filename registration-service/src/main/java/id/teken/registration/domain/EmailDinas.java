package id.teken.registration.domain;

import java.util.Locale;

/**
 * The official mail address: exactly at the tenant's mail domain (compared case-insensitively), not a
 * sub-domain of it and not a domain that merely starts or ends like it.
 */
public record EmailDinas(EmailAddress address) {

    public static EmailDinas parse(String raw, String tenantDomain) {
        EmailAddress address = EmailAddress.parse(raw, ErrorCode.EMAIL_DINAS_INVALID, "Email Dinas");
        String expected = tenantDomain.trim().toLowerCase(Locale.ROOT);
        if (!address.domain().equals(expected)) {
            throw new DomainException(ErrorCode.EMAIL_DINAS_DOMAIN,
                    "Email Dinas harus beralamat @" + expected + ".");
        }
        return new EmailDinas(address);
    }

    public String value() {
        return address.normalized();
    }

    @Override
    public String toString() {
        return value();
    }
}
