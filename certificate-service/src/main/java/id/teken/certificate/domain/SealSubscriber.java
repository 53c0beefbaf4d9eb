package id.teken.certificate.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A seal subscriber (segel elektronik): an organisation unit of the Pemkab, e.g. Dinas Komunikasi dan Informatika, whose
 * certificate names the unit, not a person. An ADMIN creates it; system clients whose scope covers the unit seal with it
 * after activating it (a code mailed to the unit's official address), each seal with a TOTP from get/totp.
 * {@code id} is BSrE's {@code idSubscriber}.
 */
public record SealSubscriber(String id, String unitName, String email, String instansi, String createdBy, Instant createdAt) {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern ID = Pattern.compile("SEGEL-[0-9A-Z]{16}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,190}");
    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    /** A new id: SEGEL- and 16 characters of Crockford's base32 (80 random bits). */
    public static String newId() {
        StringBuilder id = new StringBuilder("SEGEL-");
        for (int i = 0; i < 16; i++) {
            id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }

    /** Whether the text has an id's shape (checked before any lookup). */
    public static boolean isId(String raw) {
        return raw != null && ID.matcher(raw.trim().toUpperCase(Locale.ROOT)).matches();
    }

    public static String normaliseId(String raw) {
        if (!isId(raw)) {
            throw new DomainException(ErrorCode.SEAL_NOT_FOUND, "idSubscriber segel tidak dikenal.");
        }
        return raw.trim().toUpperCase(Locale.ROOT);
    }

    /** The unit's name as a certificate can carry it: 3-64 characters, one line. */
    public static String unitName(String raw) {
        String unit = raw == null ? "" : raw.trim().replaceAll("\\s+", " ");
        if (unit.length() < 3 || unit.length() > 64 || !unit.matches("[\\p{L}\\p{N} .,&()'/-]+")) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "unitName: nama unit 3-64 karakter (huruf, angka, spasi, . , & ( ) ' / -).");
        }
        return unit;
    }

    /** The unit's official address: within the tenant's mail domain. */
    public static String email(String raw, String mailDomain) {
        String email = raw == null ? "" : raw.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(email).matches() || !email.endsWith("@" + mailDomain.toLowerCase(Locale.ROOT))) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "email: alamat resmi unit @" + mailDomain + ".");
        }
        return email;
    }

    /** The identity the CA names: the unit as CN and OU, the Pemkab as O, the unit's address; no NIP. */
    public SubscriberIdentity identity() {
        return new SubscriberIdentity(null, null, unitName, email, instansi, unitName, null, null);
    }
}
