package id.teken.certificate.domain;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The passphrase rules: at least 8 (at most 128) characters with upper case, lower case, a digit and a
 * symbol; not containing the owner's name, NIP or NIK (or their birth-date part); not a commonly used
 * passphrase (compared without case, digits and symbols stripped at the ends).
 */
public final class PassphrasePolicy {

    private final Set<String> common;

    public PassphrasePolicy(Set<String> commonPassphrases) {
        this.common = commonPassphrases;
    }

    public void check(char[] passphrase, SubscriberIdentity owner) {
        if (passphrase == null || passphrase.length == 0) {
            throw new DomainException(ErrorCode.PASSPHRASE_WEAK, "Passphrase wajib diisi.");
        }
        String p = new String(passphrase);
        List<String> problems = new ArrayList<>();
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
        if (p.chars().allMatch(Character::isLetterOrDigit)) {
            problems.add("memuat simbol (misalnya ! @ # - _)");
        }
        String lower = fold(p);
        if (containsPersonalData(lower, owner)) {
            problems.add("tidak memuat nama, NIP atau NIK Anda");
        }
        String core = lower.replaceAll("^[^a-z]+|[^a-z]+$", "");
        if (common.contains(lower) || common.contains(core)) {
            problems.add("bukan passphrase yang umum dipakai");
        }
        if (!problems.isEmpty()) {
            throw new DomainException(ErrorCode.PASSPHRASE_WEAK, "Passphrase harus " + String.join(", ", problems) + ".");
        }
    }

    private static boolean containsPersonalData(String lower, SubscriberIdentity owner) {
        if (owner.nip() != null && (lower.contains(owner.nip()) || lower.contains(owner.nip().substring(0, 8)))) {
            return true;
        }
        if (owner.nik() != null && owner.nik().length() == 16 && (lower.contains(owner.nik()) || lower.contains(owner.nik().substring(6, 12)))) {
            return true;
        }
        if (owner.nama() != null) {
            for (String part : fold(owner.nama()).split("[^a-z]+")) {
                if (part.length() >= 3 && lower.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
