package id.teken.kit.problem;

/**
 * The sorts of failure and their HTTP status, for every service. A service keeps its own error kinds in its domain
 * (java.* only) and names them after these; {@link #of} maps one onto the other by name.
 */
public enum ProblemKind {
    INVALID(400), UNAUTHENTICATED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410), TOO_LARGE(413),
    UNSUPPORTED(415), UNPROCESSABLE(422), LOCKED(423), THROTTLED(429), UNAVAILABLE(503);

    private final int status;

    ProblemKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** A service's own kind of the same name; a kind without a counterpart here is a programming error. */
    public static ProblemKind of(Enum<?> serviceKind) {
        return valueOf(serviceKind.name());
    }
}
