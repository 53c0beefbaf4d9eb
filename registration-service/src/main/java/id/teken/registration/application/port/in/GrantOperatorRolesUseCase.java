package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;

import java.util.Map;
import java.util.Set;

/** The operator's way to make the first VERIFIKATOR and ADMIN accounts (from configuration at start-up). */
public interface GrantOperatorRolesUseCase {

    void grant(Map<Role, Set<Nip>> grants);
}
