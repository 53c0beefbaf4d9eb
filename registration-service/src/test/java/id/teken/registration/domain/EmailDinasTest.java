package id.teken.registration.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmailDinasTest {

    private static final String DOMAIN = "ponorogo.go.id";

    @ParameterizedTest
    @ValueSource(strings = {"budi@ponorogo.go.id", "Budi.Santoso@PONOROGO.GO.ID", " budi+tte@Ponorogo.go.id "})
    void addressAtTheTenantDomain_isAccepted(String raw) {
        assertThat(EmailDinas.parse(raw, DOMAIN).value()).endsWith("@ponorogo.go.id");
    }

    @ParameterizedTest
    @ValueSource(strings = {"budi@diskominfo.ponorogo.go.id", "budi@ponorogo.go.id.evil.com", "budi@evilponorogo.go.id",
            "budi@ponorogo.go.id.", "budi@ponorogo-go.id", "budi@ponor0go.go.id", "budi@gmail.com"})
    void otherDomains_areRefusedWithTheDomainCode(String raw) {
        assertThatThrownBy(() -> EmailDinas.parse(raw, DOMAIN)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isIn(ErrorCode.EMAIL_DINAS_DOMAIN, ErrorCode.EMAIL_DINAS_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "budi", "budi@", "@ponorogo.go.id", "budi@@ponorogo.go.id", "bu di@ponorogo.go.id",
            "budi@ponorogo.go.id@x.id", "\"budi\"@ponorogo.go.id", "budi@ponоrogo.go.id", "budi..x@ponorogo.go.id",
            "budi@ponorogo..go.id"})
    void malformedAddresses_areInvalid(String raw) {
        assertThatThrownBy(() -> EmailDinas.parse(raw, DOMAIN)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.EMAIL_DINAS_INVALID);
    }

    @Test
    void emailAddress_tooLong_isInvalid() {
        String local = "a".repeat(65);
        assertThatThrownBy(() -> EmailAddress.parse(local + "@example.com", ErrorCode.EMAIL_SIASN_INVALID, "Email SIASN"))
                .isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> EmailAddress.parse(null, ErrorCode.EMAIL_SIASN_INVALID, "Email SIASN"))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.EMAIL_SIASN_INVALID);
    }
}
