package id.teken.registration.application.port.out;

import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;

import java.time.Instant;

/** The trail of operator-role changes: who got or lost which role, when, from what. */
public interface RoleAudit {

    void record(Instant at, Nip nip, Role role, String action, String source);
}
