package id.teken.registration.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordRulesTest {

    private final Nip nip = Nip.of("198503152010011001");

    @Test
    void strongPassword_passes() {
        assertThatCode(() -> PasswordPolicy.check("Sandi-Kuat-2026".toCharArray(), nip)).doesNotThrowAnyException();
    }

    @Test
    void weakPasswords_failWithTheReasons() {
        assertThatThrownBy(() -> PasswordPolicy.check("short1A".toCharArray(), nip)).hasMessageContaining("minimal 8");
        assertThatThrownBy(() -> PasswordPolicy.check("alllowercase1".toCharArray(), nip)).hasMessageContaining("huruf besar");
        assertThatThrownBy(() -> PasswordPolicy.check("NoDigitsHere".toCharArray(), nip)).hasMessageContaining("angka");
        assertThatThrownBy(() -> PasswordPolicy.check("Xx198503152010011001".toCharArray(), nip)).hasMessageContaining("NIP");
        assertThatThrownBy(() -> PasswordPolicy.check("Password123".toCharArray(), nip)).hasMessageContaining("umum");
        assertThatThrownBy(() -> PasswordPolicy.check(new char[0], nip)).hasMessageContaining("wajib");
        assertThatThrownBy(() -> PasswordPolicy.check(("Aa1" + "x".repeat(200)).toCharArray(), nip)).hasMessageContaining("maksimal");
    }

    @Test
    void resetLink_isSingleUseAndExpires() {
        Instant now = Instant.parse("2026-11-21T00:00:00Z");
        PasswordResetLink.Issued issued = PasswordResetLink.issue(nip, now, Duration.ofHours(1));
        assertThat(PasswordResetLink.wellFormed(issued.token())).isTrue();
        assertThat(issued.link().tokenHash()).isEqualTo(PasswordResetLink.hash(issued.token())).doesNotContain(issued.token());
        assertThatThrownBy(() -> issued.link().checkUsable(now.plus(Duration.ofHours(1))))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_EXPIRED);
        issued.link().markUsed(now.plusSeconds(10));
        assertThatThrownBy(() -> issued.link().checkUsable(now.plusSeconds(20)))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_USED);
    }

    @Test
    void tokens_areRandomAndOf256Bits() {
        Instant now = Instant.now();
        String a = PasswordResetLink.issue(nip, now, Duration.ofHours(1)).token();
        String b = PasswordResetLink.issue(nip, now, Duration.ofHours(1)).token();
        assertThat(a).isNotEqualTo(b).hasSize(43);
        assertThat(PasswordResetLink.wellFormed("../../etc/passwd")).isFalse();
    }
}
