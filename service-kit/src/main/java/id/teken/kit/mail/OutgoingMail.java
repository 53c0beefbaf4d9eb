package id.teken.kit.mail;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A mail as the service composed it: one recipient, a subject, a plain-text part and an optional HTML part.
 * The text is never logged (it may carry a one-time link).
 */
public record OutgoingMail(String to, String subject, String text, String html) {

    /** One plain address (no display name, no list): what the mail server is given as the only recipient. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    public OutgoingMail {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(text, "text");
        if (to.length() > 254 || !ADDRESS.matcher(to).matches()) {
            // Refused when queued, so the state change that wanted this mail fails instead of a mail lost later.
            throw new IllegalArgumentException("Not a single usable mail address");
        }
        if (subject.length() > 500 || subject.chars().anyMatch(c -> c < 0x20)) {
            throw new IllegalArgumentException("Subject too long or with control characters");
        }
    }

    @Override
    public String toString() {
        return "OutgoingMail[subject=" + subject + "]";
    }
}
