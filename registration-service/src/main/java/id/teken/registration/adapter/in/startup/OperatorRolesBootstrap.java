package id.teken.registration.adapter.in.startup;

import id.teken.registration.config.RegistrationConfig;
import id.teken.registration.application.port.in.GrantOperatorRolesUseCase;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At start-up, makes the lists in teken.accounts.verifiers / .admins (TEKEN_VERIFIERS, TEKEN_ADMINS) authoritative: the
 * listed NIPs hold VERIFIKATOR and ADMIN, and a NIP taken off a list loses the role (audited in role_audit). The people
 * then set their password through "Lupa Password".
 */
@ApplicationScoped
public class OperatorRolesBootstrap {

    @Inject
    RegistrationConfig config;

    private static final Logger LOG = Logger.getLogger(OperatorRolesBootstrap.class);

    @Inject
    GrantOperatorRolesUseCase grants;

    void onStart(@Observes StartupEvent event) {
        Map<Role, Set<Nip>> wanted = new EnumMap<>(Role.class);
        wanted.put(Role.VERIFIKATOR, nips(config.accounts().verifiers()));
        wanted.put(Role.ADMIN, nips(config.accounts().admins()));
        GrantOperatorRolesUseCase.Changes changes = grants.assign(wanted, "configuration at start-up");
        LOG.infof("Operator roles: %d verifier(s), %d admin(s) (%d granted, %d removed)", wanted.get(Role.VERIFIKATOR).size(),
                wanted.get(Role.ADMIN).size(), changes.granted(), changes.removed());
    }

    private static Set<Nip> nips(Optional<String> list) {
        return list.map(s -> Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank()).map(Nip::of)
                .collect(Collectors.toSet())).orElse(Set.of());
    }
}
