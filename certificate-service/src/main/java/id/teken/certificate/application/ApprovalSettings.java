package id.teken.certificate.application;

import java.time.Duration;

/** Signing approvals (BSrE's sign TOTP): the portal's address, how long a request holds, how many a signer may get per hour. */
public record ApprovalSettings(String publicUrl, Duration validity, int maxRequestsPerHour) {
}
