package id.teken.registration.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NikTest {

    @Test
    void womanHasFortyAddedToTheDay() {
        Nik nik = Nik.of("3502106207900002");
        assertThat(nik.female()).isTrue();
        assertThat(nik.agreesWith(LocalDate.of(1990, 7, 22), true)).isTrue();
        assertThat(nik.agreesWith(LocalDate.of(1990, 7, 22), false)).isFalse();
        assertThat(nik.agreesWith(LocalDate.of(1990, 7, 23), true)).isFalse();
    }

    @Test
    void man_andLeapDay_areValid() {
        assertThat(Nik.of("3502011503850001").female()).isFalse();
        assertThat(Nik.of("3502056902880005").agreesWith(LocalDate.of(1988, 2, 29), true)).isTrue();
    }

    @Test
    void masked_hidesTheBirthDateAndSerial() {
        assertThat(Nik.of("3502011503850001").masked()).isEqualTo("350201********01");
        assertThat(Nik.of("3502011503850001").toString()).doesNotContain("150385");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"350201150385000", "35020115038500011", "350201150385000a", "9902011503850001",
            "3500011503850001", "3502001503850001", "3502013203850001", "3502013503850001", "3502017203850001",
            "3502010013850001", "3502013102850001", "3502011503850000", "3502012902010001"})
    void malformedNik_isRejected(String raw) {
        assertThatThrownBy(() -> Nik.of(raw)).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.NIK_INVALID);
    }
}
