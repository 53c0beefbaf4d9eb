package id.teken.registration.domain;

import java.time.Duration;

/** A rule of the domain said no; carries a stable code and an Indonesian explanation without secrets. */
public class DomainException extends RuntimeException {

    private final ErrorCode code;
    private final Duration retryAfter;

    public DomainException(ErrorCode code, String detail) {
        this(code, detail, null);
    }

    public DomainException(ErrorCode code, String detail, Duration retryAfter) {
        super(detail, null, false, false);
        this.code = code;
        this.retryAfter = retryAfter;
    }

    public ErrorCode code() {
        return code;
    }

    /** For THROTTLED failures: how long the caller should wait. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
