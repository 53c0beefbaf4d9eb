package id.teken.certificate.domain;

/**
 * The activated identity a certificate is issued to (from activation.completed). The NIK is kept for the
 * passphrase policy and never goes into a certificate.
 */
public record SubscriberIdentity(String nip, String nik, String nama, String emailDinas, String instansi,
                                 String unitOrganisasi, String jabatan, String provinsi) {
}
