package id.teken.registration.application.port.out;

import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;

import java.util.Optional;

/** The SIASN / MyASN employee directory. Throws {@link DirectoryUnavailable} when it cannot be asked. */
public interface EmployeeDirectory {

    Optional<Employee> findByNip(Nip nip);

    /** The NIP of the employee with this NIK, where the directory can tell (the export's NIK column); empty otherwise. */
    default Optional<Nip> findNipByNik(Nik nik) {
        return Optional.empty();
    }

    /** The directory could not answer (network, timeout, server error). */
    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message) {
            super(message);
        }
    }
}
