package id.teken.registration.adapter.out;

import id.teken.registration.adapter.out.civil.CsvCivilRegistry;
import id.teken.registration.domain.Nik;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvCivilRegistryTest {

    @Test
    void demoExtract_knowsPeopleOutsideTheEmployeeExport() {
        CsvCivilRegistry registry = new CsvCivilRegistry(Path.of("../demo/dukcapil-demo.csv"));
        assertThat(registry.findByNik(Nik.of("3502121408960009"))).hasValueSatisfying(r -> {
            assertThat(r.nama()).isEqualTo("Rudi Hartono");
            assertThat(r.birthDate()).contains(LocalDate.of(1996, 8, 14));
        });
        assertThat(registry.findByNik(Nik.of("3502084302990010"))).hasValueSatisfying(r -> assertThat(r.nik().female()).isTrue());
        assertThat(registry.findByNik(Nik.of("3502091207010099"))).isEmpty();
    }

    @Test
    void rowsThatContradictTheirNik_orAreMalformed_areSkipped(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dukcapil.csv");
        Files.writeString(file, "\uFEFFNIK;Nama Lengkap;Tgl Lahir\n"
                + "3502121408960009;Rudi Hartono;1996-08-14\n"
                + "3502084302990010;Lina Marlina;1999-02-04\n"     // birth date disagrees with the NIK
                + "3502121408960013;;1996-08-14\n"                 // no name
                + "12345;Rusak;1990-01-01\n"
                + "3502094107010012;Wahyu Ningsih;01-07-2001\n"
                + "\n");
        CsvCivilRegistry registry = new CsvCivilRegistry(file);
        assertThat(registry.findByNik(Nik.of("3502121408960009"))).isPresent();
        for (String nik : new String[] {"3502084302990010", "3502121408960013", "3502094107010012"}) {
            assertThat(registry.findByNik(Nik.of(nik))).as(nik).isEmpty();
        }
    }

    @Test
    void anExtractWithoutTheNeededColumns_stopsTheStart(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("dukcapil.csv");
        Files.writeString(file, "nik,nama\n3502121408960009,Rudi Hartono\n");
        assertThatThrownBy(() -> new CsvCivilRegistry(file)).hasMessageContaining("nik, nama, lahir");
    }
}
