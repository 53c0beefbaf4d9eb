package id.teken.certificate.application.service;

import id.teken.certificate.application.CertificateSettings;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.CrlStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;

/** The CA chain and the CRL, regenerated on every revocation and on a schedule. */
@ApplicationScoped
public class PkiService implements PublishPkiUseCase {

    private final CertificateAuthority ca;
    private final CredentialRepository credentials;
    private final CrlStore crls;
    private final CertificateSettings settings;
    private final Clock clock;

    @Inject
    public PkiService(CertificateAuthority ca, CredentialRepository credentials, CrlStore crls, CertificateSettings settings,
                      Clock clock) {
        this.ca = ca;
        this.credentials = credentials;
        this.crls = crls;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public String caChainPem() {
        return ca.chainPem();
    }

    @Override
    public byte[] issuingCaDer() {
        return ca.issuingCertificateDer();
    }

    @Override
    @Transactional
    public byte[] currentCrl() {
        return crls.latest().orElseGet(() -> {
            refreshCrl();
            return crls.latest().orElseThrow();
        });
    }

    @Override
    @Transactional
    public void refreshCrl() {
        Instant now = clock.instant();
        long number = crls.nextNumber();
        byte[] der = ca.signCrl(credentials.findRevoked(), now, now.plus(settings.crlValidity()), number);
        crls.save(number, now, now.plus(settings.crlValidity()), der);
    }
}
