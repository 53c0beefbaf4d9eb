package id.teken.registration.domain;

import java.time.Instant;
import java.util.Optional;

/**
 * A person under a work contract who is not in the employee export, enrolled by a Verifikator TTE: their account number
 * (a NIPTT with the structure of a NIP, see {@link StaffNumber}), who they are by the civil registry, where they work and
 * their Email Dinas, which stands in for the Email SIASN they do not have.
 */
public record ContractStaffMember(Nip nip, Nik nik, String nama, String unitOrganisasi, String jabatan, EmailDinas emailDinas,
                                  Nip enrolledBy, Instant enrolledAt) {

    /** How the rest of the service sees them: an employee of the tenant with status OTHER. */
    public Employee asEmployee(String instansi, String provinsi) {
        return new Employee(nip, Optional.of(nik), nama, EmploymentStatus.OTHER, instansi, unitOrganisasi, jabatan, provinsi,
                Optional.of(emailDinas.address()));
    }

    /** The same person with the details of a later enrolment (a renewed contract, a new unit or address); the number stays. */
    public ContractStaffMember reenrolled(PersonDetails details, EmailDinas emailDinas, Nip verifier, Instant now) {
        return new ContractStaffMember(nip, nik, details.nama(), details.unitOrganisasi(), details.jabatan(), emailDinas,
                verifier, now);
    }
}
