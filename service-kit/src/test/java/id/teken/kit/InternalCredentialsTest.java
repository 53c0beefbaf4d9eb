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
    void anAssertionTheGatewayWrites_isReadBackUntilItExpires_andNotWithAnotherKey() {
        String header = ClientAssertion.create("surat-dinas", TOKEN, NOW);
        assertThat(ClientAssertion.verify(header, TOKEN, NOW)).contains("surat-dinas");
        assertThat(ClientAssertion.verify(header, TOKEN, NOW.plus(ClientAssertion.LIFETIME))).contains("surat-dinas");
        assertThat(ClientAssertion.verify(header, TOKEN, NOW.plus(ClientAssertion.LIFETIME).plusSeconds(1))).isEmpty();
        assertThat(ClientAssertion.verify(header, "kunci-lain", NOW)).isEmpty();
        assertThat(ClientAssertion.verify(header, "", NOW)).isEmpty();
    }

    @Test
    void forgedAndMalformedAssertions_nameNobody() {
        String header = ClientAssertion.create("surat-dinas", TOKEN, NOW);
        String[] parts = header.split(";");
        long far = NOW.getEpochSecond() + ClientAssertion.MAX_LIFETIME.toSeconds() + 10;
        for (String forged : new String[] {null, "", "surat-dinas", "surat-dinas;" + parts[1], "lain;" + parts[1] + ";" + parts[2],
                parts[0] + ";" + (Long.parseLong(parts[1]) + 1) + ";" + parts[2], parts[0] + ";abc;" + parts[2],
                parts[0] + ";" + parts[1] + ";!!!", parts[0] + ";" + far + ";" + parts[2], ";" + parts[1] + ";" + parts[2],
                header + ";x", "x".repeat(301)}) {
            assertThat(ClientAssertion.verify(forged, TOKEN, NOW)).as(String.valueOf(forged)).isEmpty();
        }
        assertThatThrownBy(() -> ClientAssertion.create("a;b", TOKEN, NOW)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ClientAssertion.create("a", " ", NOW)).isInstanceOf(IllegalArgumentException.class);
    }
}
