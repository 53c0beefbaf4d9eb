package id.teken.kit.audit;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The entry encoding behind each hash, and the time-stamp request's DER: what the database tests rely on. */
class AuditEncodingTest {

    final Instant at = Instant.parse("2026-12-01T10:15:30.123456Z");

    @Test
    void fieldsAreLengthPrefixed_soMovingABoundaryChangesTheHash() {
        byte[] a = AuditChain.hash(7, at, "ab", "c", null, "d", AuditChain.GENESIS);
        byte[] b = AuditChain.hash(7, at, "a", "bc", null, "d", AuditChain.GENESIS);
        byte[] nullVsEmpty = AuditChain.hash(7, at, "ab", "c", "", "d", AuditChain.GENESIS);
        assertThat(a).isNotEqualTo(b).isNotEqualTo(nullVsEmpty).hasSize(32);
        assertThat(AuditChain.hash(7, at, "ab", "c", null, "d", AuditChain.GENESIS)).isEqualTo(a);
    }

    @Test
    void everyFieldAndThePreviousHashCount() {
        byte[] base = AuditChain.hash(7, at, "x", "y", "z", "w", AuditChain.GENESIS);
        byte[] prev = new byte[32];
        prev[31] = 1;
        assertThat(AuditChain.hash(8, at, "x", "y", "z", "w", AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(7, at.plusNanos(1000), "x", "y", "z", "w", AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(7, at, "x", "y", "z", "W", AuditChain.GENESIS)).isNotEqualTo(base);
        assertThat(AuditChain.hash(7, at, "x", "y", "z", "w", prev)).isNotEqualTo(base);
    }

    @Test
    void theTimeStampRequest_isDerOfVersionImprintNonceAndCertReq() {
        byte[] digest = new byte[32];
        digest[0] = (byte) 0xAB;
        byte[] der = new AuditAnchors().timestampRequest(digest);
        assertThat(der[0]).isEqualTo((byte) 0x30);
        assertThat(der[1] & 0xff).isEqualTo(der.length - 2);
        assertThat(der).hasSize(69);
        // version 1, then MessageImprint { sha256, OCTET STRING(32) } with the digest at its end
        assertThat(new byte[] {der[2], der[3], der[4]}).containsExactly(0x02, 0x01, 0x01);
        assertThat(der[5]).isEqualTo((byte) 0x30);
        assertThat(der[22]).isEqualTo((byte) 0x04);
        assertThat(der[24] & 0xff).isEqualTo(0xAB);
        assertThat(new byte[] {der[56], der[57]}).containsExactly(0x02, 0x08);
        // certReq TRUE at the end
        assertThat(new byte[] {der[66], der[67], der[68]}).containsExactly(0x01, 0x01, (byte) 0xff);
    }

    @Test
    void onlyAGrantedReplyCounts() {
        assertThat(AuditAnchors.granted(new byte[] {0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x00})).isTrue();
        assertThat(AuditAnchors.granted(new byte[] {0x30, 0x05, 0x30, 0x03, 0x02, 0x01, 0x02})).isFalse();
        assertThat(AuditAnchors.granted(new byte[] {0x30})).isFalse();
        assertThat(AuditAnchors.granted(new byte[] {0x04, 0x01, 0x00})).isFalse();
    }
}
