package id.teken.registration.application.port.in;

import java.util.UUID;

/** Keeps the dashboard status true as activation-service reports progress (idempotent, stale events ignored). */
public interface FollowActivationUseCase {

    void reviewRequested(UUID registrationId);

    void activated(UUID registrationId);

    void rejected(UUID registrationId, String reason);

    void expired(UUID registrationId);
}
