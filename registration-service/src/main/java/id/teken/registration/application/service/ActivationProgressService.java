package id.teken.registration.application.service;

import id.teken.registration.application.port.in.FollowActivationUseCase;
import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.util.UUID;
import java.util.function.Predicate;

/** The dashboard projection of activation: WAITING_FOR_VERIFICATION, NO_CERTIFICATE, or back to NOT_REGISTERED. */
@ApplicationScoped
@RequiredArgsConstructor
public class ActivationProgressService implements FollowActivationUseCase {

    private final RegistrationRepository registrations;
    private final Clock clock;

    @Override
    @Transactional
    public void reviewRequested(UUID registrationId) {
        apply(registrationId, r -> r.awaitVerification(registrationId, clock.instant()));
    }

    @Override
    @Transactional
    public void activated(UUID registrationId) {
        apply(registrationId, r -> r.activated(registrationId, clock.instant()));
    }

    @Override
    @Transactional
    public void rejected(UUID registrationId, String reason) {
        apply(registrationId, r -> r.activationClosed(registrationId, "Aktivasi ditolak Verifikator TTE: " + reason, clock.instant()));
    }

    @Override
    @Transactional
    public void expired(UUID registrationId) {
        apply(registrationId, r -> r.activationClosed(registrationId,
                "Tautan aktivasi kedaluwarsa atau dibatalkan. Silakan registrasi ulang.", clock.instant()));
    }

    private void apply(UUID registrationId, Predicate<Registration> change) {
        // An event about an older registration of the same NIP changes nothing.
        registrations.findByRegistrationId(registrationId).filter(change).ifPresent(registrations::save);
    }
}
