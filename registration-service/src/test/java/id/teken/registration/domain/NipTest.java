package id.teken.registration.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NipTest {

    @Test
    void wellFormedNip_exposesBirthDateAndGender() {
        Nip nip = Nip.of(" 199007222015032002 ");
        assertThat(nip.value()).isEqualTo("199007222015032002");
        assertThat(nip.birthDate()).isEqualTo(LocalDate.of(1990, 7, 22));
        assertThat(nip.female()).isTrue();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"12345", "19850315201001100", "1985031520100110011", "19850315201001100x",
            "198513152010011001", "198502302010011001", "198503152010131001", "198503152010013001",
            "198503151990011001", "183003152010011001", "１９８５０３１５２０１００１１００１"})
    void malformedNip_isRejected(String raw) {
        assertThatThrownBy(() -> Nip.of(raw)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.NIP_INVALID);
    }
}
