package id.teken.activation.application.port.in;

import id.teken.activation.domain.ActivationStatus;
import id.teken.activation.domain.Employment;
import id.teken.activation.domain.Identity;
import id.teken.activation.domain.Step;

import java.time.Instant;

/**
 * The activation portal, for whoever holds the mailed link: view, then identity, employment, selfie and
 * submit, in that order. Every call names the caller's address so that token guessing can be throttled.
 */
public interface UseActivationLinkUseCase {

    LinkView view(String token, String clientAddress);

    void recordIdentity(String token, Identity identity, String clientAddress);

    Employment recordEmployment(String token, EmploymentCommand command, String clientAddress);

    void recordSelfie(String token, String contentType, byte[] image, String clientAddress);

    ActivationStatus submit(String token, boolean setujuKebijakanPrivasi, boolean setujuPerjanjianPemilik,
                            String clientAddress);

    /** What the portal shows about a link. */
    record LinkView(String activationId, Step nextStep, ActivationStatus status, String instansi, String nama,
                    String emailDinas, Instant expiresAt, String privacyPolicyVersion, String subscriberAgreementVersion) {
    }

    /** Step 2 as typed: for LAINNYA the unit and position are the ASN's own words. */
    record EmploymentCommand(String kategori, String nipNrp, String unitOrganisasi, String jabatan) {
    }
}
