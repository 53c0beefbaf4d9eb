package id.teken.registration.application.port.in;

import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;

import java.util.Map;
import java.util.Set;

/**
 * The operator's roles (VERIFIKATOR, ADMIN) as configuration says them at start-up: the listed NIPs hold the role and
 * nobody else does any more (a NIP taken off the list loses it). Every grant and removal is audited.
 */
public interface GrantOperatorRolesUseCase {

    /** Makes exactly these NIPs hold each role given; returns how many roles were granted and removed. */
    Changes assign(Map<Role, Set<Nip>> holders, String source);

    /** What an assignment changed. */
    record Changes(int granted, int removed) {
    }
}
