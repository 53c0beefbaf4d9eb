package id.teken.registration.adapter.in.startup;

import id.teken.registration.application.port.in.GrantOperatorRolesUseCase;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * At start-up, grants VERIFIKATOR and ADMIN to the NIPs listed in teken.accounts.verifiers / .admins
 * (TEKEN_VERIFIERS, TEKEN_ADMINS). Those people then set their password through "Lupa Password".
 */
@ApplicationScoped
public class OperatorRolesBootstrap {

    private static final Logger LOG = Logger.getLogger(OperatorRolesBootstrap.class);

    @ConfigProperty(name = "teken.accounts.verifiers")
    Optional<String> verifiers;

    @ConfigProperty(name = "teken.accounts.admins")
    Optional<String> admins;

    @Inject
    GrantOperatorRolesUseCase grants;

    void onStart(@Observes StartupEvent event) {
        Map<Role, Set<Nip>> wanted = new EnumMap<>(Role.class);
        wanted.put(Role.VERIFIKATOR, nips(verifiers));
        wanted.put(Role.ADMIN, nips(admins));
        grants.grant(wanted);
        LOG.infof("Operator roles granted: %d verifier(s), %d admin(s)", wanted.get(Role.VERIFIKATOR).size(),
                wanted.get(Role.ADMIN).size());
    }

    private static Set<Nip> nips(Optional<String> list) {
        return list.map(s -> Arrays.stream(s.split("[,\\s]+")).filter(x -> !x.isBlank()).map(Nip::of)
                .collect(Collectors.toSet())).orElse(Set.of());
    }
}
