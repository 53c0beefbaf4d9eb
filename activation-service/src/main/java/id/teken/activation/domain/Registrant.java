package id.teken.activation.domain;

import java.time.Instant;

/** Who registered, as registration-service announced it: what the activation checks against. */
public record Registrant(String registrationId, String nip, String nik, String nama, String emailDinas,
                         String statusKepegawaian, String unitOrganisasi, String jabatan, String provinsi,
                         Instant contractEndsAt) {

    /** Contract staff a Verifikator TTE enrolled: always reviewed, and their certificate ends with the contract. */
    public boolean underContract() {
        return contractEndsAt != null;
    }
}
