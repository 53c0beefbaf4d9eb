package id.teken.certificate.application.port.out;

import java.time.Instant;
import java.util.List;

/** RFC 6960: reads OCSP requests and signs responses with the OCSP-responder certificate. */
public interface OcspProtocol {

    /**
     * The certificates asked about, in request order: serial (hex, upper case) and whether the CertID names our issuing CA
     * by both its name hash and its key hash; empty when unreadable.
     */
    java.util.Optional<OcspQuery> parse(byte[] request);

    /** One answer per item, in the order of the query's items. */
    byte[] respond(OcspQuery query, List<CertificateState> states, Instant now);

    /** A query for one certificate of our issuing CA (no nonce): what sign-hash answers for the signer's certificate. */
    OcspQuery queryFor(String serialHex);

    /** A signed "malformedRequest" answer. */
    byte[] malformed();

    /** One parsed request. */
    record OcspQuery(List<Item> items, byte[] nonce, Object raw) {
    }

    /** One certificate asked about. */
    record Item(String serialHex, boolean issuedByUs) {
    }

    /** What we know of a serial: good, revoked (with time and RFC 5280 reason code), or unknown. */
    record CertificateState(Kind kind, Instant revokedAt, int reasonCode) {

        /** The three OCSP answers. */
        public enum Kind { GOOD, REVOKED, UNKNOWN }

        public static CertificateState good() {
            return new CertificateState(Kind.GOOD, null, 0);
        }

        public static CertificateState unknown() {
            return new CertificateState(Kind.UNKNOWN, null, 0);
        }
    }
}
