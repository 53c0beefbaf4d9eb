package id.teken.certificate.application;

import java.time.Duration;

/** Configuration the certificate core applies. */
public record CertificateSettings(Duration passphraseLinkValidity, String publicUrl, Duration certificateValidity,
                                  String subscriberAgreementVersion, Duration crlValidity, int maxResetMailsPerHour,
                                  Duration renewalWindow, Duration rootCrlValidity) {
}
