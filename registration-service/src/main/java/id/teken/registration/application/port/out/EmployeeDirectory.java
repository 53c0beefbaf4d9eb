package id.teken.registration.application.port.out;

import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Nip;

import java.util.Optional;

/** The SIASN / MyASN employee directory. Throws {@link DirectoryUnavailable} when it cannot be asked. */
public interface EmployeeDirectory {

    Optional<Employee> findByNip(Nip nip);

    /** The directory could not answer (network, timeout, server error). */
    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message) {
            super(message);
        }
    }
}
