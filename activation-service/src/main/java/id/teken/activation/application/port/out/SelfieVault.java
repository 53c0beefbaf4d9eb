package id.teken.activation.application.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Selfies at rest, encrypted; deleted when their retention after the decision has passed. */
public interface SelfieVault {

    void store(UUID activationId, String contentType, byte[] image);

    Optional<StoredSelfie> load(UUID activationId);

    /** Deletes selfies of activations decided before the cutoff; returns how many. */
    int purgeDecidedBefore(Instant cutoff);

    /** A decrypted selfie. */
    record StoredSelfie(String contentType, byte[] bytes) {
    }
}
