package id.teken.certificate.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** RFC 6960: reads OCSP requests and signs responses with the OCSP-responder certificate. */
public interface OcspProtocol {

    /** The serials asked about (hex, upper case) and whether each names our issuing CA; empty when unreadable. */
    java.util.Optional<OcspQuery> parse(byte[] request);

    byte[] respond(OcspQuery query, Map<String, CertificateState> states, Instant now);

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
