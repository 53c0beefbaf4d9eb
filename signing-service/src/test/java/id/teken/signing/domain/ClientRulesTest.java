package id.teken.signing.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A system client's scope and the QR origins it may point at. */
class ClientRulesTest {

    @Test
    void scope_coversOnlyItsUnitsAndSigners_andEveryoneOnlyWhenSaid() {
        SignerScope scope = SignerScope.of(null, List.of("  Dinas   Pendidikan "), List.of("198503152010011001"));
        assertThat(scope.covers("198503152010011001", null)).isTrue();
        assertThat(scope.covers("199511052022022001", "DINAS PENDIDIKAN")).isTrue();
        assertThat(scope.covers("199511052022022001", "Dinas Kesehatan")).isFalse();
        assertThat(scope.covers("199511052022022001", null)).isFalse();
        assertThat(SignerScope.NOBODY.covers("198503152010011001", "Dinas Pendidikan")).isFalse();
        assertThat(SignerScope.of(true, null, null).covers("199511052022022001", null)).isTrue();
        assertThat(scope.needsUnit("199511052022022001")).isTrue();
        assertThat(scope.needsUnit("198503152010011001")).isFalse();
        assertThatThrownBy(() -> SignerScope.of(false, List.of(""), null)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> SignerScope.of(false, null, List.of("12345"))).isInstanceOf(DomainException.class);
    }

    @Test
    void qrLinks_openOnlyTheTenantsOrAnAllowedOrigin() {
        String tenant = "https://tte.ponorogo.go.id";
        QrLink.check("https://tte.ponorogo.go.id/verify/abc", tenant, List.of());
        QrLink.check("HTTPS://TTE.ponorogo.go.id:443/verify/abc", tenant, List.of());
        QrLink.check("https://surat.ponorogo.go.id/x", tenant, List.of("https://surat.ponorogo.go.id"));
        for (String bad : List.of("https://jahat.example/verify", "javascript:alert(1)", "https://tte.ponorogo.go.id.jahat.example/",
                "https://user@tte.ponorogo.go.id/x", "ftp://tte.ponorogo.go.id/x", "http://tte.ponorogo.go.id/x", "/verify/relatif",
                "https://tte.ponorogo.go.id:8443/x")) {
            assertThatThrownBy(() -> QrLink.check(bad, tenant, List.of())).as(bad).isInstanceOf(DomainException.class);
        }
        assertThat(SystemClient.qrOrigins(List.of("https://Surat.Ponorogo.go.id/", "https://surat.ponorogo.go.id")))
                .containsExactly("https://surat.ponorogo.go.id");
        assertThatThrownBy(() -> SystemClient.qrOrigins(List.of("ftp://x"))).isInstanceOf(DomainException.class);
    }
}
