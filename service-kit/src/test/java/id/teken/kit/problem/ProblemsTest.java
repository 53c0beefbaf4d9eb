package id.teken.kit.problem;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pieces of problem rendering that need no running service. */
class ProblemsTest {

    private enum ServiceKind { INVALID, LOCKED, THROTTLED, UNAVAILABLE }

    private enum StrayKind { TEAPOT }

    @Test
    void linkTokens_areBlankedInPaths() {
        String token = "A".repeat(20) + "_-" + "b".repeat(21);
        assertThat(Problems.redact("/api/v1/activations/" + token + "/selfie")).isEqualTo("/api/v1/activations/{token}/selfie");
        assertThat(Problems.redact("/api/v1/passphrase-links/" + token)).isEqualTo("/api/v1/passphrase-links/{token}");
        assertThat(Problems.redact("/api/v1/me")).isEqualTo("/api/v1/me");
    }

    @Test
    void serviceKinds_mapByName_andAStrayKindIsAProgrammingError() {
        assertThat(ProblemKind.of(ServiceKind.LOCKED).status()).isEqualTo(423);
        assertThat(ProblemKind.of(ServiceKind.THROTTLED).status()).isEqualTo(429);
        assertThat(ProblemKind.of(ServiceKind.UNAVAILABLE).status()).isEqualTo(503);
        assertThatThrownBy(() -> ProblemKind.of(StrayKind.TEAPOT)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void problemBody_namesItsTypeAfterTheCode() {
        Problem p = Problem.of(423, "CREDENTIAL_LOCKED", "Sertifikat terkunci", "Coba lagi nanti.", "/x", "req-1");
        assertThat(p.type()).isEqualTo("https://teken.id/problems/credential-locked");
        assertThat(p.status()).isEqualTo(423);
    }

    @Test
    void unexpectedFailures_logClassesAndFrames_neverMessages() {
        List<String> lines = new ArrayList<>();
        java.util.logging.Logger jul = java.util.logging.Logger.getLogger("problems-test");
        jul.setUseParentHandlers(false);
        jul.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        RuntimeException failure = new IllegalStateException("passphrase=Rahasia-123", new RuntimeException("token=abc"));
        Problems.logUnexpected(Logger.getLogger("problems-test"), "/api/v1/passphrase-links/" + "x".repeat(43), failure);
        String logged = String.join("\n", lines);
        assertThat(logged).contains("IllegalStateException").contains("caused by java.lang.RuntimeException")
                .contains("ProblemsTest").contains("{token}")
                .doesNotContain("Rahasia").doesNotContain("token=abc").doesNotContain("x".repeat(43));
    }
}
