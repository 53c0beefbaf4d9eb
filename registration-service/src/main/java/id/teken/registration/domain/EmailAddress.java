package id.teken.registration.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A mail address in the plain form mail systems and people use: ASCII local part of the usual characters,
 * a domain of dot-separated labels with a letter TLD. Quoted or internationalised forms are refused on
 * purpose, which also keeps look-alike (homoglyph) domains out.
 */
public record EmailAddress(String value) {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public EmailAddress {
        if (!valid(value)) {
            throw new IllegalArgumentException("invalid mail address");
        }
    }

    /** Parses an address; the error code names which field it was. */
    public static EmailAddress parse(String raw, ErrorCode onError, String field) {
        if (raw == null || raw.isBlank()) {
            throw new DomainException(onError, field + " wajib diisi.");
        }
        String trimmed = raw.trim();
        if (!valid(trimmed)) {
            throw new DomainException(onError, field + " bukan alamat email yang valid.");
        }
        return new EmailAddress(trimmed);
    }

    static boolean valid(String value) {
        if (value == null || value.length() > 254) {
            return false;
        }
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at > 64) {
            return false;
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (!LOCAL.matcher(local).matches() || domain.isEmpty() || domain.endsWith(".")) {
            return false;
        }
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return labels[labels.length - 1].matches("[A-Za-z]{2,63}");
    }

    public String domain() {
        return value.substring(value.indexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /** The address with its domain lower-cased (local parts stay as given). */
    public String normalized() {
        return value.substring(0, value.indexOf('@') + 1) + domain();
    }

    @Override
    public String toString() {
        return value;
    }
}
