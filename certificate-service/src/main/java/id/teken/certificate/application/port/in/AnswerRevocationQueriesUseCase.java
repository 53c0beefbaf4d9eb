package id.teken.certificate.application.port.in;

/** The public PKI protocols: OCSP (RFC 6960) and time stamps (RFC 3161). */
public interface AnswerRevocationQueriesUseCase {

    byte[] ocsp(byte[] request);

    byte[] timestamp(byte[] query);

    /** The OCSP response (DER) for one of our certificates, as /pki/ocsp would answer it now. */
    byte[] ocspFor(String serialHex);

    /** A time-stamp token (DER) over the SHA-256 of {@code data}: a CAdES signature time stamp when data is a signature value. */
    byte[] timestampTokenOver(byte[] data);
}
