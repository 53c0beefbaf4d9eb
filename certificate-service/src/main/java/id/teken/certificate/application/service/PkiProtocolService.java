package id.teken.certificate.application.service;

import id.teken.certificate.application.port.in.AnswerRevocationQueriesUseCase;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.OcspProtocol;
import id.teken.certificate.application.port.out.OcspProtocol.CertificateState;
import id.teken.certificate.application.port.out.TimeStampAuthority;
import id.teken.certificate.domain.RevocationReason;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** OCSP answers from the credential table (good, revoked with reason, suspended = certificateHold, unknown) and time stamps. */
@ApplicationScoped
@RequiredArgsConstructor
public class PkiProtocolService implements AnswerRevocationQueriesUseCase {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** CertIDs answered in one OCSP request at most (a larger request is malformed for us). */
    static final int MAX_CERT_IDS = 10;

    private final OcspProtocol ocsp;
    private final TimeStampAuthority tsa;
    private final CredentialRepository credentials;
    private final Clock clock;

    @Override
    @Transactional
    public byte[] ocsp(byte[] request) {
        Optional<OcspProtocol.OcspQuery> query = ocsp.parse(request);
        if (query.isEmpty()) {
            return ocsp.malformed();
        }
        if (query.get().items().size() > MAX_CERT_IDS) {
            return ocsp.malformed();
        }
        // One answer per CertID: the same serial under another issuer is unknown, never the answer for ours.
        List<CertificateState> states = new ArrayList<>();
        for (OcspProtocol.Item item : query.get().items()) {
            states.add(item.issuedByUs() ? state(item.serialHex()) : CertificateState.unknown());
        }
        return ocsp.respond(query.get(), states, clock.instant());
    }

    private CertificateState state(String serialHex) {
        return credentials.findBySerial(serialHex).map(c -> switch (c.status()) {
            case ACTIVE, EXPIRED -> CertificateState.good();
            case SUSPENDED -> new CertificateState(CertificateState.Kind.REVOKED, c.revokedAt(), RevocationReason.CERTIFICATE_HOLD.code());
            case REVOKED -> new CertificateState(CertificateState.Kind.REVOKED, c.revokedAt(),
                    c.revocationReason() == null ? 0 : c.revocationReason().code());
        }).orElseGet(CertificateState::unknown);
    }

    @Override
    public byte[] timestamp(byte[] query) {
        return tsa.respond(query, new BigInteger(63, RANDOM), clock.instant());
    }

    @Override
    @Transactional
    public byte[] ocspFor(String serialHex) {
        OcspProtocol.OcspQuery query = ocsp.queryFor(serialHex);
        return ocsp.respond(query, List.of(state(serialHex.toUpperCase(java.util.Locale.ROOT))), clock.instant());
    }

    @Override
    public byte[] timestampTokenOver(byte[] data) {
        try {
            return tsa.token(java.security.MessageDigest.getInstance("SHA-256").digest(data), new BigInteger(63, RANDOM), clock.instant());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
