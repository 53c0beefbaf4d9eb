package id.teken.registration.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Account password rules: 8 to 128 characters with an upper-case letter, a lower-case letter and a digit,
 * not containing the NIP, and not one of the passwords everybody tries first.
 */
public final class PasswordPolicy {

    private static final List<String> COMMON = List.of("password", "passw0rd", "qwerty", "12345678", "123456789",
            "iloveyou", "admin123", "welcome", "indonesia", "bismillah", "rahasia", "ponorogo", "sayang", "letmein");

    private PasswordPolicy() {
    }

    public static void check(char[] password, Nip nip) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length == 0) {
            throw new DomainException(ErrorCode.PASSWORD_WEAK, "Password baru wajib diisi.");
        }
        String p = new String(password);
        if (p.length() < 8) {
            problems.add("minimal 8 karakter");
        }
        if (p.length() > 128) {
            problems.add("maksimal 128 karakter");
        }
        if (p.chars().noneMatch(Character::isUpperCase)) {
            problems.add("memuat huruf besar");
        }
        if (p.chars().noneMatch(Character::isLowerCase)) {
            problems.add("memuat huruf kecil");
        }
        if (p.chars().noneMatch(Character::isDigit)) {
            problems.add("memuat angka");
        }
        if (p.contains(nip.value()) || p.contains(nip.value().substring(0, 8))) {
            problems.add("tidak memuat NIP atau tanggal lahir");
        }
        String lower = p.toLowerCase(Locale.ROOT);
        if (COMMON.stream().anyMatch(lower::startsWith)) {
            problems.add("bukan password yang umum dipakai");
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.PASSWORD_WEAK, "Password harus " + String.join(", ", problems) + ".");
        }
    }
}
