package id.teken.kit.config;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secrets from a directory of files (Docker/Kubernetes secrets), standing in for Teken's variables. */
class SecretFilesConfigSourceTest {

    @TempDir
    Path dir;

    @Test
    void filesNamedLikeTekensVariables_areTheirValues_withoutTheTrailingLineBreak() throws Exception {
        Files.writeString(dir.resolve("TEKEN_MASTER_KEY"), "c2VjcmV0LWtleQ==\n");
        Files.writeString(dir.resolve("TEKEN_INTERNAL_TOKEN"), "token with spaces inside\r\n");
        Files.writeString(dir.resolve("unrelated.txt"), "ignored");
        Files.writeString(dir.resolve("PATH"), "/evil");
        Files.createDirectory(dir.resolve("TEKEN_A_DIRECTORY"));
        SecretFilesConfigSource source = new SecretFilesConfigSource(dir);
        assertThat(source.getPropertyNames()).containsExactlyInAnyOrder("TEKEN_MASTER_KEY", "TEKEN_INTERNAL_TOKEN");
        assertThat(source.getValue("TEKEN_MASTER_KEY")).isEqualTo("c2VjcmV0LWtleQ==");
        assertThat(source.getValue("TEKEN_INTERNAL_TOKEN")).isEqualTo("token with spaces inside");
        assertThat(source.getValue("PATH")).isNull();
        assertThat(source.getOrdinal()).as("below the environment (300), above application.properties (250)").isEqualTo(290);
    }

    @Test
    void aMissingDirectory_givesNothing_andAHugeFileStopsTheStart() throws Exception {
        assertThat(new SecretFilesConfigSource(dir.resolve("none")).getPropertyNames()).isEmpty();
        Files.write(dir.resolve("TEKEN_MASTER_KEY"), new byte[70 * 1024]);
        assertThatThrownBy(() -> new SecretFilesConfigSource(dir)).hasMessageContaining("larger than 64 KB")
                .hasMessageContaining("TEKEN_MASTER_KEY");
    }
}
