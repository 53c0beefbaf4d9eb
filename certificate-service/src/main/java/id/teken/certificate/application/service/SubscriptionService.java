package id.teken.certificate.application.service;

import id.teken.certificate.application.CertificateSettings;
import id.teken.certificate.application.port.in.OpenSubscriptionUseCase;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.in.RequestPassphraseResetUseCase;
import id.teken.certificate.application.port.in.SetPassphraseUseCase;
import id.teken.certificate.application.port.out.CertificateAuthority;
import id.teken.certificate.application.port.out.CertificateEvents;
import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.application.port.out.PassphraseLinks;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.PassphraseLink;
import id.teken.certificate.domain.PassphrasePolicy;
import id.teken.certificate.domain.RevocationReason;
import id.teken.certificate.domain.SigningGate;
import id.teken.certificate.domain.Subscriber;
import id.teken.certificate.domain.SubscriberIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Subscribers from activation, passphrase links, key generation and issuance, and passphrase reset. */
@ApplicationScoped
@RequiredArgsConstructor
public class SubscriptionService implements OpenSubscriptionUseCase, SetPassphraseUseCase, RequestPassphraseResetUseCase {

    private final SubscriberRepository subscribers;
    private final CredentialRepository credentials;
    private final PassphraseLinks links;
    private final KeyCustody keys;
    private final CertificateAuthority ca;
    private final CertificateMailer mailer;
    private final CertificateEvents events;
    private final PublishPkiUseCase pki;
    private final PassphrasePolicy policy;
    private final CertificateSettings settings;
    private final Clock clock;

    @Override
    @Transactional
    public void open(String registrationId, SubscriberIdentity identity, Instant contractEndsAt) {
        Optional<Subscriber> known = subscribers.find(identity.nip());
        if (known.isPresent() && known.get().registrationId().equals(registrationId)) {
            return;
        }
        Instant now = clock.instant();
        subscribers.save(new Subscriber(identity.nip(), registrationId, identity, now, contractEndsAt));
        links.retireOthers(identity.nip(), now);
        PassphraseLink.Issued issued = PassphraseLink.issue(identity.nip(), PassphraseLink.Purpose.SET, now,
                settings.passphraseLinkValidity());
        links.save(issued.link());
        mailer.sendAccountInformation(identity);
        mailer.sendPassphraseLink(identity, PassphraseLink.Purpose.SET, link(issued.token()), issued.link().expiresAt());
    }

    @Override
    @Transactional
    public LinkView view(String token) {
        PassphraseLink link = usableLink(token);
        Subscriber subscriber = subscriber(link.nip());
        return new LinkView(link.purpose().name(), subscriber.identity().nama(), link.expiresAt(), settings.subscriberAgreementVersion());
    }

    @Override
    @Transactional
    public IssuedView setPassphrase(String token, char[] passphrase, boolean agreementAccepted) {
        try {
            PassphraseLink link = usableLink(token);
            Subscriber subscriber = subscriber(link.nip());
            policy.check(passphrase, subscriber.identity());
            if (!agreementAccepted) {
                throw new DomainException(ErrorCode.AGREEMENT_REQUIRED,
                        "Anda harus menyetujui Perjanjian Pemilik Sertifikat Elektronik untuk melanjutkan.");
            }
            Instant now = clock.instant();
            List<Credential> existing = credentials.findByNip(subscriber.nip());
            checkLinkStillMeansIt(link, existing.stream().reduce((a, b) -> b));
            if (!links.markUsed(link.tokenHash(), now)) {
                throw new DomainException(ErrorCode.LINK_USED, "Tautan ini sudah digunakan.");
            }
            UUID credentialId = UUID.randomUUID();
            KeyCustody.GeneratedKey key = keys.generate(credentialId, passphrase);
            Instant notAfter = subscriber.certificateEnd(now, settings.certificateValidity());
            if (!notAfter.isAfter(now)) {
                throw new DomainException(ErrorCode.CONTRACT_ENDED, "Kontrak kerja Anda sudah berakhir: sertifikat tidak dapat diterbitkan.");
            }
            CertificateAuthority.IssuedCertificate cert = ca.issue(subscriber.identity(), key.publicKeyDer(), now, notAfter);
            Credential credential = new Credential(credentialId, subscriber.nip(), cert.serialNumberHex(), cert.subjectDn(),
                    cert.pem(), now, notAfter, Credential.Status.ACTIVE, null, null, key.sealedKey(),
                    settings.subscriberAgreementVersion(), now, now);
            Optional<Credential> previous = existing.stream().filter(c -> c.status() == Credential.Status.ACTIVE).findFirst();
            if (previous.isPresent()) {
                Credential superseded = previous.get().revoke(RevocationReason.SUPERSEDED, now);
                if (!credentials.transition(previous.get(), superseded)) {
                    // Suspended or revoked while the key was made: that decision stands, nothing is issued.
                    throw new DomainException(ErrorCode.STATUS_CHANGED, "Status sertifikat berubah saat passphrase diatur. "
                            + "Hubungi Verifikator TTE.");
                }
                events.revoked(superseded, subscriber.nip());
            }
            credentials.insert(credential);
            events.issued(credential, subscriber.registrationId(), previous.map(Credential::serialNumber).orElse(null));
            if (previous.isPresent()) {
                pki.refreshCrl();
            }
            mailer.sendCertificateIssued(subscriber.identity(), credential.serialNumber(), credential.notBefore(), credential.notAfter());
            return new IssuedView(credential.serialNumber(), credential.subjectDn(), credential.notBefore(), credential.notAfter(),
                    previous.map(Credential::serialNumber).orElse(null));
        } finally {
            if (passphrase != null) {
                Arrays.fill(passphrase, '\0');
            }
        }
    }

    @Override
    @Transactional
    public void requestReset(String nip) {
        Subscriber subscriber = subscriber(nip);
        if (credentials.findActive(nip).isEmpty()) {
            throw new DomainException(ErrorCode.NO_CERTIFICATE, "Reset passphrase hanya untuk pemilik sertifikat yang aktif.");
        }
        Instant now = clock.instant();
        if (links.countIssuedSince(nip, PassphraseLink.Purpose.RESET, now.minus(Duration.ofHours(1))) >= settings.maxResetMailsPerHour()) {
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Tautan reset passphrase sudah dikirim beberapa kali. Periksa Email Dinas Anda atau coba lagi nanti.",
                    Duration.ofHours(1));
        }
        links.retireOthers(nip, now);
        PassphraseLink.Issued issued = PassphraseLink.issue(nip, PassphraseLink.Purpose.RESET, now, settings.passphraseLinkValidity());
        links.save(issued.link());
        mailer.sendPassphraseLink(subscriber.identity(), PassphraseLink.Purpose.RESET, link(issued.token()), issued.link().expiresAt());
    }

    @Override
    @Transactional
    public void requestRenewal(String nip) {
        Subscriber subscriber = subscriber(nip);
        Instant now = clock.instant();
        // The newest credential decides: an older expired one does not open a renewal for a suspended or revoked owner.
        Credential latest = credentials.findByNip(nip).stream().reduce((a, b) -> b).filter(c -> c.status() == Credential.Status.ACTIVE
                        || c.status() == Credential.Status.EXPIRED)
                .orElseThrow(() -> new DomainException(ErrorCode.NO_CERTIFICATE, "Tidak ada sertifikat yang dapat diperbarui."));
        if (latest.status() == Credential.Status.ACTIVE && latest.notAfter().isAfter(now.plus(settings.renewalWindow()))) {
            throw new DomainException(ErrorCode.RENEWAL_NOT_DUE, "Pembaruan dapat diminta mulai "
                    + settings.renewalWindow().toDays() + " hari sebelum sertifikat berakhir.");
        }
        if (links.countIssuedSince(nip, PassphraseLink.Purpose.RENEW, now.minus(Duration.ofHours(1))) >= settings.maxResetMailsPerHour()) {
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Tautan pembaruan sudah dikirim beberapa kali. Periksa Email Dinas Anda atau coba lagi nanti.", Duration.ofHours(1));
        }
        links.retireOthers(nip, now);
        PassphraseLink.Issued issued = PassphraseLink.issue(nip, PassphraseLink.Purpose.RENEW, now, settings.passphraseLinkValidity());
        links.save(issued.link());
        events.renewalRequested(latest);
        mailer.sendPassphraseLink(subscriber.identity(), PassphraseLink.Purpose.RENEW, link(issued.token()), issued.link().expiresAt());
    }

    /**
     * A link mailed before a suspension or a revocation for cause must not bring back a certificate: while the newest
     * credential is suspended nothing is issued; after a revocation for cause only a link made later (a new activation)
     * sets a passphrase; a reset needs an active credential and a renewal an active or expired one.
     */
    private static void checkLinkStillMeansIt(PassphraseLink link, Optional<Credential> newest) {
        if (newest.isEmpty()) {
            if (link.purpose() != PassphraseLink.Purpose.SET) {
                throw new DomainException(ErrorCode.NO_CERTIFICATE, "Tidak ada sertifikat untuk tautan ini.");
            }
            return;
        }
        Credential c = newest.get();
        if (c.status() == Credential.Status.SUSPENDED) {
            throw new DomainException(ErrorCode.CERTIFICATE_SUSPENDED, "Sertifikat Anda sedang dibekukan oleh Verifikator TTE; "
                    + "passphrase tidak dapat diatur. Hubungi Verifikator TTE.");
        }
        if (c.revokedForCause() && (link.purpose() != PassphraseLink.Purpose.SET || !link.createdAt().isAfter(c.revokedAt()))) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat Anda telah dicabut; tautan ini tidak berlaku lagi. "
                    + "Lakukan registrasi ulang dari dasbor.");
        }
        boolean ok = switch (link.purpose()) {
            case SET -> true;
            case RESET -> c.status() == Credential.Status.ACTIVE;
            case RENEW -> c.status() == Credential.Status.ACTIVE || c.status() == Credential.Status.EXPIRED;
        };
        if (!ok) {
            throw new DomainException(ErrorCode.CERTIFICATE_NOT_ACTIVE, "Sertifikat berstatus " + SigningGate.statusName(c.status())
                    + "; tautan ini tidak berlaku lagi.");
        }
    }

    private PassphraseLink usableLink(String token) {
        if (!PassphraseLink.wellFormed(token)) {
            throw unknown();
        }
        PassphraseLink link = links.findByTokenHash(PassphraseLink.hash(token)).orElseThrow(SubscriptionService::unknown);
        link.checkUsable(clock.instant());
        return link;
    }

    private Subscriber subscriber(String nip) {
        return subscribers.find(nip).orElseThrow(() -> new DomainException(ErrorCode.SUBSCRIBER_NOT_FOUND,
                "Belum ada aktivasi sertifikat elektronik untuk akun ini."));
    }

    private String link(String token) {
        return settings.publicUrl() + "/passphrase/" + token;
    }

    private static DomainException unknown() {
        return new DomainException(ErrorCode.LINK_UNKNOWN, "Tautan tidak dikenal. Periksa kembali tautan di email Anda.");
    }
}
