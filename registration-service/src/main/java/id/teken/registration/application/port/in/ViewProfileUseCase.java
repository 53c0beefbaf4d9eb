package id.teken.registration.application.port.in;

import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;

import java.util.Set;

/** The signed-in ASN's profile as the directory knows it, with their roles. */
public interface ViewProfileUseCase {

    Profile profile(Nip nip);

    /** Directory data plus roles. */
    record Profile(Employee employee, Set<Role> roles) {
    }
}
