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
import id.teken.certificate.domain.Subscriber;
import id.teken.certificate.domain.SubscriberIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

/** Subscribers from activation, passphrase links, key generation and issuance, and passphrase reset. */
@ApplicationScoped
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

    @Inject
    public SubscriptionService(SubscriberRepository subscribers, CredentialRepository credentials, PassphraseLinks links,
                               KeyCustody keys, CertificateAuthority ca, CertificateMailer mailer, CertificateEvents events,
                               PublishPkiUseCase pki, PassphrasePolicy policy, CertificateSettings settings, Clock clock) {
        this.subscribers = subscribers;
        this.credentials = credentials;
        this.links = links;
        this.keys = keys;
        this.ca = ca;
        this.mailer = mailer;
        this.events = events;
        this.pki = pki;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void open(String registrationId, SubscriberIdentity identity) {
        Optional<Subscriber> known = subscribers.find(identity.nip());
        if (known.isPresent() && known.get().registrationId().equals(registrationId)) {
            return;
        }
        Instant now = clock.instant();
        subscribers.save(new Subscriber(identity.nip(), registrationId, identity, now));
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
            if (!links.markUsed(link.tokenHash(), now)) {
                throw new DomainException(ErrorCode.LINK_USED, "Tautan ini sudah digunakan.");
            }
            UUID credentialId = UUID.randomUUID();
            KeyCustody.GeneratedKey key = keys.generate(credentialId, passphrase);
            Instant notAfter = now.plus(settings.certificateValidity());
            CertificateAuthority.IssuedCertificate cert = ca.issue(subscriber.identity(), key.publicKeyDer(), now, notAfter);
            Credential credential = new Credential(credentialId, subscriber.nip(), cert.serialNumberHex(), cert.subjectDn(),
                    cert.pem(), now, notAfter, Credential.Status.ACTIVE, null, null, key.sealedKey(),
                    settings.subscriberAgreementVersion(), now, now, 0, null);
            Optional<Credential> previous = credentials.findActive(subscriber.nip());
            if (previous.isPresent()) {
                Credential superseded = previous.get().revoke(RevocationReason.SUPERSEDED, now);
                credentials.save(superseded);
                events.revoked(superseded, subscriber.nip());
            }
            credentials.save(credential);
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
        Credential latest = credentials.findByNip(nip).stream().filter(c -> c.status() == Credential.Status.ACTIVE
                        || c.status() == Credential.Status.EXPIRED).reduce((a, b) -> b)
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
