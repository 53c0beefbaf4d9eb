package id.teken.registration.application.port.out;

import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;

import java.time.Instant;
import java.util.Set;

/** Issues signed bearer tokens. */
public interface AccessTokens {

    IssuedToken issue(Nip nip, String name, Set<Role> roles);

    /** A token and when it stops working. */
    record IssuedToken(String token, Instant expiresAt) {
    }
}
