package id.teken.registration.application.port.out;

import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Registration;

/** Announces registration facts; the announcement commits with the state change. */
public interface RegistrationEvents {

    void submitted(Registration registration, Employee employee);
}
