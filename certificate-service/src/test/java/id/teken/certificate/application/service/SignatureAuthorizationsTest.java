package id.teken.certificate.application.service;

import id.teken.devstack.MovableClock;

import id.teken.certificate.application.port.out.KeyCustody;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Authorizations expire on time, drop their keys when used up, expired or revoked, and are never handed to another caller. */
class SignatureAuthorizationsTest {


    static final class CountedKey implements KeyCustody.Unlocked {
        final AtomicInteger destroyed = new AtomicInteger();

        @Override
        public Optional<byte[]> resealed() {
            return Optional.empty();
        }

        @Override
        public void destroy() {
            destroyed.incrementAndGet();
        }
    }

    @Test
    void expiresAfterItsLifetime_andTheSweepDropsTheKey() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
        SignatureAuthorizations a = new SignatureAuthorizations(Duration.ofSeconds(30), clock);
        CountedKey key = new CountedKey();
        String sad = a.grant(UUID.randomUUID(), "199001012020011001", "owner", key, 2);
        clock.now = clock.now.plusSeconds(29);
        assertThat(a.take(sad, "199001012020011001", "owner", 1)).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(a.take(sad, "199001012020011001", "owner", 1)).as("expired at 30 s").isEmpty();
        assertThat(key.destroyed.get()).isEqualTo(1);

        CountedKey other = new CountedKey();
        a.grant(UUID.randomUUID(), "199001012020011001", "owner", other, 1);
        clock.now = clock.now.plusSeconds(31);
        a.sweep();
        assertThat(other.destroyed.get()).isEqualTo(1);
        assertThat(a.openCount()).isZero();
    }

    @Test
    void usedUp_orRevoked_dropsTheKey_andOnlyItsNipAndChannelMayUseIt() {
        SignatureAuthorizations a = new SignatureAuthorizations(Duration.ofSeconds(30), new MovableClock(Instant.parse("2026-12-01T10:00:00Z")));
        CountedKey key = new CountedKey();
        String sad = a.grant(UUID.randomUUID(), "199001012020011001", "owner", key, 1);
        assertThat(a.take(sad, "199001012020011002", "owner", 1)).isEmpty();
        assertThat(a.take(sad, "199001012020011001", "client:x", 1)).isEmpty();
        SignatureAuthorizations.Grant g = a.take(sad, "199001012020011001", "owner", 1).orElseThrow();
        a.release(g, sad);
        assertThat(key.destroyed.get()).isEqualTo(1);
        assertThat(a.take(sad, "199001012020011001", "owner", 1)).isEmpty();

        CountedKey revoked = new CountedKey();
        String second = a.grant(UUID.randomUUID(), "199001012020011001", "owner", revoked, 5);
        a.revoke(second);
        assertThat(revoked.destroyed.get()).isEqualTo(1);
        assertThat(a.take(second, "199001012020011001", "owner", 1)).isEmpty();
    }

    static byte[] digest(int seed) {
        byte[] d = new byte[32];
        java.util.Arrays.fill(d, (byte) seed);
        return d;
    }

    @Test
    void boundToHashes_signsThoseOnly_eachOnce_andAnyOtherDigestTakesNothing() {
        SignatureAuthorizations a = new SignatureAuthorizations(Duration.ofSeconds(30), Duration.ofMinutes(5),
                new MovableClock(Instant.parse("2026-12-01T10:00:00Z")));
        CountedKey key = new CountedKey();
        String nip = "199001012020011001";
        String sad = a.grant(UUID.randomUUID(), nip, "owner", key, 2, java.util.List.of(digest(1), digest(2)), null);
        assertThat(a.take(sad, nip, "owner", java.util.List.of(digest(3)))).as("a digest it was not authorized for").isEmpty();
        assertThat(a.take(sad, nip, "owner", java.util.List.of(digest(1), digest(3)))).as("one of two not authorized: nothing taken").isEmpty();
        assertThat(a.take(sad, nip, "owner", java.util.List.of(digest(1), digest(1)))).as("the same digest twice").isEmpty();
        assertThat(a.take(sad, nip, "owner", java.util.List.of(digest(1)))).isPresent();
        assertThat(a.take(sad, nip, "owner", java.util.List.of(digest(1)))).as("each hash once").isEmpty();
        SignatureAuthorizations.Grant last = a.take(sad, nip, "owner", java.util.List.of(digest(2))).orElseThrow();
        a.release(last, sad);
        assertThat(key.destroyed.get()).isEqualTo(1);
        assertThat(a.openCount()).isZero();
    }

    @Test
    void aLongerLife_isGrantedUpToTheMaximumOnly() {
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
        SignatureAuthorizations a = new SignatureAuthorizations(Duration.ofSeconds(30), Duration.ofMinutes(5), clock);
        String nip = "199001012020011001";
        String asked = a.grant(UUID.randomUUID(), nip, "owner", new CountedKey(), 1, java.util.List.of(), Duration.ofMinutes(2));
        String greedy = a.grant(UUID.randomUUID(), nip, "owner", new CountedKey(), 1, java.util.List.of(), Duration.ofHours(3));
        assertThat(a.expiry(asked)).isEqualTo(clock.now.plus(Duration.ofMinutes(2)));
        assertThat(a.expiry(greedy)).as("capped").isEqualTo(clock.now.plus(Duration.ofMinutes(5)));
    }
}
