package id.teken.signing.domain;

import java.time.Duration;

/** A rule said no: a stable code and an Indonesian explanation that never holds a secret. */
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

    public Duration retryAfter() {
        return retryAfter;
    }
}
