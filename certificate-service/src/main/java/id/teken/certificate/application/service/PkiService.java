package id.teken.certificate.application.service;

import id.teken.certificate.application.CertificateSettings;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.CrlStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The CA chain and the CRLs: the issuing CA's, regenerated on every revocation, suspension and reinstatement and on a
 * schedule; the root's, re-signed daily (valid teken.ca.root-crl-validity, 7 days).
 */
@ApplicationScoped
@RequiredArgsConstructor
public class PkiService implements PublishPkiUseCase {

    static final java.time.Duration ROOT_CRL_REFRESH = java.time.Duration.ofDays(1);

    private final CertificateAuthority ca;
    private final CredentialRepository credentials;
    private final CrlStore crls;
    private final CertificateSettings settings;
    private final Clock clock;

    @Override
    public String caChainPem() {
        return ca.chainPem() + ca.previousIssuingPem();
    }

    @Override
    public byte[] issuingCaDer() {
        return ca.issuingCertificateDer();
    }

    @Override
    public byte[] rootCaDer() {
        return ca.rootCertificateDer();
    }

    @Override
    @Transactional
    public byte[] currentCrl() {
        return crls.latest(CrlStore.Issuer.ISSUING).orElseGet(() -> {
            refreshCrl();
            return crls.latest(CrlStore.Issuer.ISSUING).orElseThrow();
        });
    }

    @Override
    @Transactional
    public byte[] currentRootCrl() {
        Optional<byte[]> offline = ca.publishedRootCrl();
        if (offline.isPresent()) {
            return offline.get();
        }
        return crls.latest(CrlStore.Issuer.ROOT).orElseGet(() -> {
            signRootCrl(clock.instant());
            return crls.latest(CrlStore.Issuer.ROOT).orElseThrow();
        });
    }

    @Override
    @Transactional
    public void refreshCrl() {
        Instant now = clock.instant();
        long number = crls.nextNumber(CrlStore.Issuer.ISSUING);
        byte[] der = ca.signCrl(credentials.findRevoked(), now, now.plus(settings.crlValidity()), number);
        crls.save(CrlStore.Issuer.ISSUING, number, now, now.plus(settings.crlValidity()), der);
    }

    @Override
    @Transactional
    public void refreshRootCrlIfDue() {
        if (ca.publishedRootCrl().isPresent()) {
            return;   // an offline root's CRL comes from its key ceremony
        }
        Instant now = clock.instant();
        boolean due = crls.latestThisUpdate(CrlStore.Issuer.ROOT).map(at -> at.isBefore(now.minus(ROOT_CRL_REFRESH))).orElse(true);
        if (due) {
            signRootCrl(now);
        }
    }

    private void signRootCrl(Instant now) {
        long number = crls.nextNumber(CrlStore.Issuer.ROOT);
        Instant next = now.plus(settings.rootCrlValidity());
        crls.save(CrlStore.Issuer.ROOT, number, now, next, ca.signRootCrl(now, next, number));
    }
}
