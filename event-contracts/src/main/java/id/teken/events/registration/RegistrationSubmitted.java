package id.teken.events.registration;

import java.time.Instant;

/**
 * An ASN registered for a certificate (status NEW). Key: the registration id. Carries what activation
 * needs to mail the link and check the identity; never a password or token.
 */
public record RegistrationSubmitted(
        String registrationId,
        String nip,
        String nik,
        String nama,
        String emailSiasn,
        String emailDinas,
        String statusKepegawaian,
        String instansi,
        String unitOrganisasi,
        String jabatan,
        String provinsi,
        Instant registeredAt) {
}
