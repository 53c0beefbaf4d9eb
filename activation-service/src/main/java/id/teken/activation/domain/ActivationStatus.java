package id.teken.activation.domain;

/** Where an activation stands. */
public enum ActivationStatus {
    /** The link is out; the ASN works through the steps. */
    LINK_SENT,
    /** Submitted; a Verifikator TTE must decide. */
    WAITING_FOR_VERIFICATION,
    ACTIVATED,
    REJECTED,
    /** The link expired unused. */
    EXPIRED,
    /** A verifier invalidated the link. */
    INVALIDATED;

    public boolean finished() {
        return this == ACTIVATED || this == REJECTED || this == EXPIRED || this == INVALIDATED;
    }
}
