package id.teken.events.registration;

import java.time.Instant;

/**
 * An ASN registered for a certificate (status NEW). Key: the registration id. Carries what activation
 * needs to mail the link and check the identity; never a password or token. {@code contractEndsAt} is set for contract
 * staff a Verifikator TTE enrolled (not PNS/PPPK): their activation is always reviewed and their certificate ends with the
 * contract; null for everyone else (and in events written before it existed).
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
        Instant registeredAt,
        Instant contractEndsAt) {
}
