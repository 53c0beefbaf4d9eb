package id.teken.certificate.application.port.in;

/** The public PKI protocols: OCSP (RFC 6960) and time stamps (RFC 3161). */
public interface AnswerRevocationQueriesUseCase {

    byte[] ocsp(byte[] request);

    byte[] timestamp(byte[] query);
}
