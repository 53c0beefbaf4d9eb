package id.teken.certificate.domain;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PassphrasePolicyTest {

    private final PassphrasePolicy policy = new PassphrasePolicy(Set.of("password", "rahasia", "ponorogo"));
    private final SubscriberIdentity budi = new SubscriberIdentity("198503152010011001", "3502011503850001", "Budi Santoso",
            "budi@ponorogo.go.id", "Pemkab", "Dinas", "Jabatan", "Jawa Timur");

    private void weak(String passphrase, String reason) {
        assertThatThrownBy(() -> policy.check(passphrase.toCharArray(), budi)).isInstanceOf(DomainException.class)
                .hasMessageContaining(reason);
    }

    @Test
    void strong_passes() {
        assertThatCode(() -> policy.check("Kebun#Teh7Lawu".toCharArray(), budi)).doesNotThrowAnyException();
    }

    @Test
    void eachRule_hasItsMessage() {
        weak("Ab1#", "minimal 8");
        weak("kebun#teh7lawu", "huruf besar");
        weak("KEBUN#TEH7LAWU", "huruf kecil");
        weak("Kebun#TehLawu", "angka");
        weak("Kebun7TehLawu", "simbol");
        weak("Budi#Kebun7", "nama, NIP atau NIK");
        weak("Santoso!2026x", "nama, NIP atau NIK");
        weak("X!198503152010011001a", "nama, NIP atau NIK");
        weak("Kk!3502011503850001", "nama, NIP atau NIK");
        weak("Ab#150385cd", "nama, NIP atau NIK");
        weak("Password#1", "umum");
        weak("!!Rahasia2026", "umum");
        weak("", "wajib");
        weak("Aa1#" + "x".repeat(200), "maksimal 128");
    }
}
