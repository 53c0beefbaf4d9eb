package id.teken.activation.domain;

/** What face verification said about the selfie: matched, not matched (with a score), or a person must look. */
public record FaceResult(Outcome outcome, Double score) {

    /** The three answers. */
    public enum Outcome { MATCH, NO_MATCH, REVIEW }

    public static FaceResult review() {
        return new FaceResult(Outcome.REVIEW, null);
    }
}
