package id.teken.registration.application.port.out;

import id.teken.registration.domain.ContractStaffMember;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;

import java.util.Optional;

/** Contract staff enrolled by a verifier without a number in the employee export (their NIPTT is their account). */
public interface ContractStaffRoster {

    Optional<ContractStaffMember> findByNip(Nip nip);

    Optional<ContractStaffMember> findByNik(Nik nik);

    /** Inserts or updates; a second person with the same NIK or number loses on the key. */
    void save(ContractStaffMember member);

    /** Serialises the handing out of numbers until the caller's transaction ends (two enrolments never pick one number). */
    void lockNumbering();
}
