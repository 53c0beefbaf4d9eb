package id.teken.activation.domain;

/** Who registered, as registration-service announced it: what the activation checks against. */
public record Registrant(String registrationId, String nip, String nik, String nama, String emailDinas,
                         String statusKepegawaian, String unitOrganisasi, String jabatan, String provinsi) {
}
