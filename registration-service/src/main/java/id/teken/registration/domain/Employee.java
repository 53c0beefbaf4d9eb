package id.teken.registration.domain;

import java.util.Optional;

/** An employee as the SIASN directory knows them (the NIK there is the civil-registry link, if known). */
public record Employee(
        Nip nip,
        Optional<Nik> nik,
        String nama,
        EmploymentStatus status,
        String instansi,
        String unitOrganisasi,
        String jabatan,
        String provinsi,
        Optional<EmailAddress> emailSiasn) {
}
