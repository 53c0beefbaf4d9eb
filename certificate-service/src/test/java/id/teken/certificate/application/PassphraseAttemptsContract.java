package id.teken.certificate.application;

import id.teken.certificate.application.port.out.PassphraseAttempts;
import id.teken.certificate.application.port.out.PassphraseAttempts.Admission.Outcome;
import id.teken.certificate.domain.SigningGate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the lockout relies on from PassphraseAttempts, passed by the table adapter (PostgreSQL) and the in-memory fake the
 * application tests use: tries are reserved before they are counted, at most the limit are open or wrong at once, the
 * limit locks, a right passphrase clears, a lapsed reservation or lock is forgotten, the owner's lock covers every channel.
 */
public abstract class PassphraseAttemptsContract {

    protected static final int MAX = 3;
    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    private static final Instant LOCK_ENDS = NOW.plus(Duration.ofMinutes(30));

    protected abstract PassphraseAttempts attempts();

    /** A credential the attempts may refer to (the table has a foreign key to it). */
    protected abstract UUID newCredential();

    /** Runs the step as its own committed unit (the table adapter's statements each commit at once). */
    protected <T> T committed(Callable<T> step) throws Exception {
        return step.call();
    }

    private Outcome reserve(UUID id, String channel, Instant now) throws Exception {
        return committed(() -> attempts().reserve(id, channel, MAX, now, now.plusSeconds(60)).outcome());
    }

    private PassphraseAttempts.Failure fail(UUID id, String channel) throws Exception {
        return committed(() -> attempts().recordFailure(id, channel, MAX, LOCK_ENDS));
    }

    @Test
    void atMostTheLimitAreOpenAtOnce_thenBusy_andASettledTryFreesItsPlace() throws Exception {
        UUID id = newCredential();
        for (int i = 0; i < MAX; i++) {
            assertThat(reserve(id, SigningGate.OWNER, NOW)).isEqualTo(Outcome.RESERVED);
        }
        assertThat(reserve(id, SigningGate.OWNER, NOW)).isEqualTo(Outcome.BUSY);
        committed(() -> {
            attempts().release(id, SigningGate.OWNER);
            return null;
        });
        assertThat(reserve(id, SigningGate.OWNER, NOW)).isEqualTo(Outcome.RESERVED);
    }

    @Test
    void theLimitOfWrongPassphrases_locksOnce_andSaysSoOnce() throws Exception {
        UUID id = newCredential();
        List<PassphraseAttempts.Failure> failures = new ArrayList<>();
        for (int i = 0; i < MAX; i++) {
            assertThat(reserve(id, SigningGate.OWNER, NOW)).isEqualTo(Outcome.RESERVED);
            failures.add(fail(id, SigningGate.OWNER));
        }
        assertThat(failures).extracting(PassphraseAttempts.Failure::failures).containsExactly(1, 2, 3);
        assertThat(failures).extracting(PassphraseAttempts.Failure::lockedNow).containsExactly(false, false, true);
        assertThat(failures.get(2).lockedUntil()).isEqualTo(LOCK_ENDS);
        PassphraseAttempts.Admission locked = committed(() -> attempts().reserve(id, SigningGate.OWNER, MAX, NOW, NOW.plusSeconds(60)));
        assertThat(locked.outcome()).isEqualTo(Outcome.LOCKED);
        assertThat(locked.lockedUntil()).isEqualTo(LOCK_ENDS);
        assertThat(committed(() -> attempts().lockedUntil(id, SigningGate.OWNER, NOW))).contains(LOCK_ENDS);
    }

    @Test
    void aRightPassphrase_clearsTheCount() throws Exception {
        UUID id = newCredential();
        for (int i = 0; i < MAX - 1; i++) {
            reserve(id, SigningGate.OWNER, NOW);
            fail(id, SigningGate.OWNER);
        }
        reserve(id, SigningGate.OWNER, NOW);
        committed(() -> {
            attempts().recordSuccess(id, SigningGate.OWNER);
            return null;
        });
        reserve(id, SigningGate.OWNER, NOW);
        assertThat(fail(id, SigningGate.OWNER).failures()).isEqualTo(1);
    }

    @Test
    void aLockThatRanOut_startsAFreshCount() throws Exception {
        UUID id = newCredential();
        for (int i = 0; i < MAX; i++) {
            reserve(id, SigningGate.OWNER, NOW);
            fail(id, SigningGate.OWNER);
        }
        Instant later = LOCK_ENDS.plusSeconds(1);
        assertThat(reserve(id, SigningGate.OWNER, later)).isEqualTo(Outcome.RESERVED);
        assertThat(committed(() -> attempts().lockedUntil(id, SigningGate.OWNER, later))).isEmpty();
        assertThat(fail(id, SigningGate.OWNER).failures()).isEqualTo(1);
    }

    @Test
    void aLapsedReservation_noLongerHoldsAPlace() throws Exception {
        UUID id = newCredential();
        for (int i = 0; i < MAX; i++) {
            reserve(id, SigningGate.OWNER, NOW);
        }
        assertThat(reserve(id, SigningGate.OWNER, NOW.plusSeconds(61))).isEqualTo(Outcome.RESERVED);
    }

    @Test
    void theOwnersLock_coversASystemClientsChannel_butAClientsLockIsItsOwn() throws Exception {
        UUID owner = newCredential();
        for (int i = 0; i < MAX; i++) {
            reserve(owner, SigningGate.OWNER, NOW);
            fail(owner, SigningGate.OWNER);
        }
        assertThat(reserve(owner, "client:simpeg", NOW)).isEqualTo(Outcome.LOCKED);
        assertThat(committed(() -> attempts().lockedUntil(owner, "client:simpeg", NOW))).contains(LOCK_ENDS);

        UUID client = newCredential();
        for (int i = 0; i < MAX; i++) {
            reserve(client, "client:simpeg", NOW);
            fail(client, "client:simpeg");
        }
        assertThat(reserve(client, "client:simpeg", NOW)).isEqualTo(Outcome.LOCKED);
        assertThat(reserve(client, SigningGate.OWNER, NOW)).isEqualTo(Outcome.RESERVED);
        assertThat(committed(() -> attempts().lockedUntil(client, SigningGate.OWNER, NOW))).isEmpty();
    }

    @Test
    void aFailureWithoutAReservation_isAProgrammingError() {
        UUID id = newCredential();
        assertThatThrownBy(() -> fail(id, SigningGate.OWNER)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void parallelReservations_neverOpenMoreThanTheLimit() throws Exception {
        UUID id = newCredential();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                outcomes.add(pool.submit(() -> reserve(id, SigningGate.OWNER, NOW)));
            }
            int reserved = 0;
            for (Future<Outcome> outcome : outcomes) {
                reserved += outcome.get() == Outcome.RESERVED ? 1 : 0;
            }
            assertThat(reserved).isEqualTo(MAX);
        } finally {
            pool.shutdownNow();
        }
    }
}
