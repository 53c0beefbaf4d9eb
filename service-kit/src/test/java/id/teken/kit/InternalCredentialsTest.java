package id.teken.kit;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InternalCredentialsTest {

    private static final String TOKEN = "rahasia-internal-2026";
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void theServiceToken_isAcceptedExactly_andAnInternalRouteWithoutOneIsClosed() {
        assertThat(ServiceToken.check("Bearer " + TOKEN, Optional.of(TOKEN))).isEqualTo(ServiceToken.Outcome.ACCEPTED);
        for (String wrong : new String[] {null, "", TOKEN, "Bearer", "Bearer ", "bearer " + TOKEN, "Bearer " + TOKEN + "x",
                "Bearer " + TOKEN.substring(1), "Basic " + TOKEN}) {
            assertThat(ServiceToken.check(wrong, Optional.of(TOKEN))).as(String.valueOf(wrong)).isEqualTo(ServiceToken.Outcome.REFUSED);
        }
        assertThat(ServiceToken.check("Bearer " + TOKEN, Optional.empty())).isEqualTo(ServiceToken.Outcome.NOT_CONFIGURED);
        assertThat(ServiceToken.check("Bearer ", Optional.of("  "))).isEqualTo(ServiceToken.Outcome.NOT_CONFIGURED);
        assertThat(ServiceToken.check("Bearer x", null)).isEqualTo(ServiceToken.Outcome.NOT_CONFIGURED);
    }

    @Test
    void anAssertionTheGatewayWrites_isReadOnce_forItsMethodAndPath_untilItExpires() {
        String header = ClientAssertion.create("surat-dinas", "POST", "/api/sign/pdf", TOKEN, NOW);
        assertThat(new ClientAssertion.Verifier().verify(header, "POST", "/api/sign/pdf", TOKEN, NOW)).contains("surat-dinas");
        assertThat(new ClientAssertion.Verifier().verify(header, "post", "/api/sign/pdf", TOKEN, NOW.plus(ClientAssertion.LIFETIME)))
                .contains("surat-dinas");
        ClientAssertion.Verifier verifier = new ClientAssertion.Verifier();
        assertThat(verifier.verify(header, "POST", "/api/sign/pdf", TOKEN, NOW.plus(ClientAssertion.LIFETIME).plusSeconds(1))).isEmpty();
        assertThat(verifier.verify(header, "GET", "/api/sign/pdf", TOKEN, NOW)).as("another method").isEmpty();
        assertThat(verifier.verify(header, "POST", "/api/v2/sign/pdf", TOKEN, NOW)).as("another path").isEmpty();
        assertThat(verifier.verify(header, "POST", "/api/sign/pdf", "kunci-lain", NOW)).as("another key").isEmpty();
        assertThat(verifier.verify(header, "POST", "/api/sign/pdf", "", NOW)).isEmpty();
        assertThat(verifier.verify(header, "POST", "/api/sign/pdf", TOKEN, NOW)).as("first use").contains("surat-dinas");
        assertThat(verifier.verify(header, "POST", "/api/sign/pdf", TOKEN, NOW)).as("replayed").isEmpty();
        assertThat(ClientAssertion.create("surat-dinas", "POST", "/api/sign/pdf", TOKEN, NOW)).as("a fresh nonce each time")
                .isNotEqualTo(header);
    }

    @Test
    void forgedAndMalformedAssertions_nameNobody() {
        String header = ClientAssertion.create("surat-dinas", "GET", "/api/user/status/1", TOKEN, NOW);
        String[] p = header.split(";");
        long far = NOW.getEpochSecond() + ClientAssertion.LIFETIME.toSeconds() + 10;
        for (String forged : new String[] {null, "", "surat-dinas", String.join(";", "v1", p[1], p[2], p[3], p[4]),
                String.join(";", p[0], "lain", p[2], p[3], p[4]), String.join(";", p[0], p[1], String.valueOf(Long.parseLong(p[2]) + 1), p[3], p[4]),
                String.join(";", p[0], p[1], "abc", p[3], p[4]), String.join(";", p[0], p[1], p[2], p[3], "!!!"),
                String.join(";", p[0], p[1], String.valueOf(far), p[3], p[4]), String.join(";", p[0], "", p[2], p[3], p[4]),
                String.join(";", p[0], p[1], p[2], "short", p[4]), header + ";x", "x".repeat(401)}) {
            assertThat(new ClientAssertion.Verifier().verify(forged, "GET", "/api/user/status/1", TOKEN, NOW)).as(String.valueOf(forged)).isEmpty();
        }
        assertThatThrownBy(() -> ClientAssertion.create("a;b", "GET", "/", TOKEN, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAssertion.create("a", "GET", "/", " ", NOW)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parallelReplays_areAcceptedOnce() throws Exception {
        String header = ClientAssertion.create("surat-dinas", "POST", "/api/sign/pdf", TOKEN, NOW);
        ClientAssertion.Verifier verifier = new ClientAssertion.Verifier();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<Boolean>> tries = new java.util.ArrayList<>();
            for (int i = 0; i < 32; i++) {
                tries.add(pool.submit(() -> verifier.verify(header, "POST", "/api/sign/pdf", TOKEN, NOW).isPresent()));
            }
            int accepted = 0;
            for (java.util.concurrent.Future<Boolean> t : tries) {
                accepted += t.get() ? 1 : 0;
            }
            assertThat(accepted).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
