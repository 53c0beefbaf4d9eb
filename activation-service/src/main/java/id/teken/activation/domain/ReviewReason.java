package id.teken.activation.domain;

/** Why an activation needs a person's decision. */
public enum ReviewReason {
    /** Category "Lainnya": not in SIASN. */
    KATEGORI_LAINNYA,
    /** No automatic face matching is configured: a verifier compares the selfie. */
    FACE_REVIEW_REQUIRED,
    /** The face-matching service scored below the threshold. */
    FACE_MISMATCH,
    /** Contract staff enrolled by a verifier (not PNS/PPPK): a person always looks. */
    CONTRACT_STAFF,
    /** The name typed differs from the one in the employee directory. */
    NAME_DIFFERS
}
