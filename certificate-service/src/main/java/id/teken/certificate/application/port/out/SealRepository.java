package id.teken.certificate.application.port.out;

import id.teken.certificate.domain.SealSubscriber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Seal subscribers, their clients' activations and the seal TOTPs; counters by conditional updates (the row decides). */
public interface SealRepository {

    /** False when a seal of that unit (case-insensitive) exists. */
    boolean insert(SealSubscriber seal);

    Optional<SealSubscriber> find(String id);

    /** The seal of this unit (case-insensitive), if any. */
    Optional<SealSubscriber> findByUnit(String unitName);

    void updateEmail(String id, String email);

    List<SealSubscriber> all();

    /** The client's activation, replacing an earlier one; false when the earlier one was mailed after {@code notMailedSince}. */
    boolean putActivation(String sealId, String channel, String codeHash, Instant mailedAt, Instant expiresAt, Instant notMailedSince);

    /** The open activation's code hash (expires after now), if any. */
    Optional<String> activationHash(String sealId, String channel, Instant now);

    /** Moves the activation's expiry (only while it is open). */
    boolean renewActivation(String sealId, String channel, Instant now, Instant expiresAt);

    /** One more wrong code on the client's activation; at the limit the activation and its open seal TOTPs are deleted. */
    int countWrongCode(String sealId, String channel, int limit);

    void deleteActivation(String sealId, String channel);

    void deleteActivations(String sealId);

    void insertCode(UUID id, String sealId, String channel, String codeHash, int documents, Instant createdAt, Instant expiresAt);

    /** Spends {@code n} documents of the open seal TOTP with that hash; false when unknown, expired or not enough left. */
    boolean spendCode(String sealId, String channel, String codeHash, int n, Instant now);

    /** Whether a seal TOTP with that hash is open (for telling "used up" from "wrong"). */
    boolean codeExists(String sealId, String channel, String codeHash, Instant now);
}
