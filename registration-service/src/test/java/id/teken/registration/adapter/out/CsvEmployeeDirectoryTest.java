package id.teken.registration.adapter.out;

import id.teken.registration.adapter.out.directory.CsvEmployeeDirectory;
import id.teken.registration.domain.EmploymentStatus;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvEmployeeDirectoryTest {

    @Test
    void demoFile_hasEligibleAndIneligiblePeople() {
        CsvEmployeeDirectory directory = new CsvEmployeeDirectory(Path.of("../demo/pegawai-demo.csv"));
        assertThat(directory.findByNip(Nip.of("198503152010011001"))).hasValueSatisfying(e -> {
            assertThat(e.unitOrganisasi()).isEqualTo("Dinas Komunikasi, Informatika dan Statistik");
            assertThat(e.status()).isEqualTo(EmploymentStatus.PNS);
        });
        assertThat(directory.findByNip(Nip.of("199511052022022001"))).hasValueSatisfying(e ->
                assertThat(e.status()).isEqualTo(EmploymentStatus.PPPK));
        assertThat(directory.findByNip(Nip.of("199206102019031006"))).hasValueSatisfying(e ->
                assertThat(e.status().eligibleForCertificate()).isFalse());
        assertThat(directory.findByNik(Nik.of("3502106207900002"))).hasValueSatisfying(r ->
                assertThat(r.nama()).isEqualTo("Siti Rahayu"));
    }

    @Test
    void semicolonsQuotesAndBadRows_areHandled(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("export.csv");
        Files.writeString(file, "\uFEFFNIP;Nama;Status Kepegawaian;Unit Organisasi;Email SIASN\n"
                + "198503152010011001;\"Santoso; Budi \"\"BS\"\"\";PNS;Dinas;budi@example.com\n"
                + "123;Rusak;PNS;Dinas;x@example.com\n"
                + "\n");
        CsvEmployeeDirectory directory = new CsvEmployeeDirectory(file);
        assertThat(directory.findByNip(Nip.of("198503152010011001"))).hasValueSatisfying(e -> {
            assertThat(e.nama()).isEqualTo("Santoso; Budi \"BS\"");
            assertThat(e.nik()).isEmpty();
        });
    }

    @Test
    void missingColumnsOrFile_failAtStart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "nomor,nama\n1,x\n");
        assertThatThrownBy(() -> new CsvEmployeeDirectory(file)).hasMessageContaining("nip");
        assertThatThrownBy(() -> new CsvEmployeeDirectory(dir.resolve("missing.csv"))).hasMessageContaining("not readable");
    }
}
