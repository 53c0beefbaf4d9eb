package id.teken.activation.application;

import id.teken.activation.application.port.in.UseActivationLinkUseCase.EmploymentCommand;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.Kategori;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Step 2's command checks itself: what a request may carry before any use case runs. */
class EmploymentCommandTest {

    static ErrorCode codeOf(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e.code();
        }
        return null;
    }

    @Test
    void asnPolri_takesOnlyDigits_andIgnoresTypedUnitAndPosition() {
        EmploymentCommand c = EmploymentCommand.of("asn_polri", " 198503152010011001 ", "Dinas Palsu", "Kepala");
        assertThat(c.kategori()).isEqualTo(Kategori.ASN_POLRI);
        assertThat(c.nipNrp()).isEqualTo("198503152010011001");
        assertThat(c.unitOrganisasi()).isNull();
        assertThat(c.jabatan()).isNull();
        assertThat(codeOf(() -> EmploymentCommand.of("ASN_POLRI", "19850315abc", null, null))).isEqualTo(ErrorCode.NIP_INVALID);
        assertThat(codeOf(() -> EmploymentCommand.of("ASN_POLRI", null, null, null))).isEqualTo(ErrorCode.NIP_INVALID);
        assertThat(codeOf(() -> EmploymentCommand.of("ASN_POLRI", "1".repeat(19), null, null))).isEqualTo(ErrorCode.NIP_INVALID);
    }

    @Test
    void lainnya_needsUnitAndPosition_inAtMost200Characters() {
        EmploymentCommand c = EmploymentCommand.of("LAINNYA", "  ", " Bagian Umum ", "Staf");
        assertThat(c.nipNrp()).isNull();
        assertThat(c.unitOrganisasi()).isEqualTo("Bagian Umum");
        assertThat(codeOf(() -> EmploymentCommand.of("LAINNYA", null, null, "Staf"))).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThat(codeOf(() -> EmploymentCommand.of("LAINNYA", null, "x".repeat(201), "Staf"))).isEqualTo(ErrorCode.MALFORMED_REQUEST);
    }

    @Test
    void anUnknownOrMissingKategori_isRefused() {
        assertThat(codeOf(() -> EmploymentCommand.of("PNS", "198503152010011001", null, null))).isEqualTo(ErrorCode.KATEGORI_INVALID);
        assertThat(codeOf(() -> EmploymentCommand.of(null, "198503152010011001", null, null))).isEqualTo(ErrorCode.KATEGORI_INVALID);
        assertThatThrownBy(() -> new EmploymentCommand(null, "1", null, null)).isInstanceOf(DomainException.class);
    }
}
