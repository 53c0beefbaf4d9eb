package id.teken.registration.application.port.out;

import id.teken.registration.domain.Account;
import id.teken.registration.domain.Nip;

import java.util.Optional;

/** Stored accounts. */
public interface AccountRepository {

    Optional<Account> find(Nip nip);

    void save(Account account);

    /** Every account that holds the role. */
    java.util.List<Account> findWithRole(id.teken.registration.domain.Role role);
}
