package id.teken.registration.adapter.out.directory;

import id.teken.registration.application.port.out.ContractStaffRoster;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.domain.ContractStaffMember;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;

import java.util.Optional;

/**
 * The employee directory as the service sees it: the export (or SIASN) first, then the contract staff a verifier enrolled
 * without a number there. Login, the profile, the signer lookup and the registration events thus treat them alike.
 */
public class DirectoryWithContractStaff implements EmployeeDirectory {

    private final EmployeeDirectory directory;
    private final ContractStaffRoster roster;
    private final String instansi;
    private final String provinsi;

    public DirectoryWithContractStaff(EmployeeDirectory directory, ContractStaffRoster roster, String instansi, String provinsi) {
        this.directory = directory;
        this.roster = roster;
        this.instansi = instansi;
        this.provinsi = provinsi;
    }

    @Override
    public Optional<Employee> findByNip(Nip nip) {
        Optional<Employee> employee = directory.findByNip(nip);
        return employee.isPresent() ? employee : roster.findByNip(nip).map(m -> m.asEmployee(instansi, provinsi));
    }

    @Override
    public Optional<Nip> findNipByNik(Nik nik) {
        Optional<Nip> nip = directory.findNipByNik(nik);
        return nip.isPresent() ? nip : roster.findByNik(nik).map(ContractStaffMember::nip);
    }
}
