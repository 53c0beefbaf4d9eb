package id.teken.kit.directory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The employee export as every service reads it. */
class EmployeeExportTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        Path f = dir.resolve("pegawai.csv");
        Files.writeString(f, content, StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void commaExport_withQuotesBomAliasesAndBlankLines() throws Exception {
        List<EmployeeExport.Row> rows = EmployeeExport.read(file("\uFEFFNIP Baru,Nama Lengkap,Unit Kerja,No KTP\n"
                + "198503152010011001,\"Santoso, Budi\",\"Dinas \"\"Kominfo\"\"\",3502011503850001\n\n"
                + "199007222015032002,Siti Rahayu\n"), "nip", "nama");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("nama")).isEqualTo("Santoso, Budi");
        assertThat(rows.get(0).get("unit")).isEqualTo("Dinas \"Kominfo\"");
        assertThat(rows.get(0).get("nik")).isEqualTo("3502011503850001");
        assertThat(rows.get(1).line()).isEqualTo(4);
        assertThat(rows.get(1).get("unit")).as("a short row").isEmpty();
        assertThat(rows.get(1).get("jabatan")).as("a column the export lacks").isEmpty();
    }

    @Test
    void semicolonExport_evenWithCommasInTheHeaderText() throws Exception {
        List<EmployeeExport.Row> rows = EmployeeExport.read(file("nip;nama;unit_organisasi\n1985;Budi;Dinas Kominfo, Informatika\n"), "nip");
        assertThat(rows.get(0).get("unit")).isEqualTo("Dinas Kominfo, Informatika");
    }

    @Test
    void aMissingRequiredColumn_orAnEmptyFile_failsAtStart() throws Exception {
        assertThatThrownBy(() -> EmployeeExport.read(file("nama,jabatan\nBudi,Pranata\n"), "nip", "nama"))
                .hasMessageContaining("needs the columns nip, nama");
        assertThatThrownBy(() -> EmployeeExport.read(file(""), "nip")).hasMessageContaining("empty");
        assertThatThrownBy(() -> EmployeeExport.read(dir.resolve("none.csv"), "nip")).hasMessageContaining("not readable");
    }
}
