package id.teken.activation.application.service;

import id.teken.activation.application.ActivationSettings;
import id.teken.activation.application.port.in.ExpireActivationsUseCase;
import id.teken.activation.application.port.in.StartActivationUseCase;
import id.teken.activation.application.port.in.UseActivationLinkUseCase;
import id.teken.activation.application.port.out.ActivationEvents;
import id.teken.activation.application.port.out.ActivationMailer;
import id.teken.activation.application.port.out.ActivationRepository;
import id.teken.activation.application.port.out.AttemptThrottle;
import id.teken.activation.application.port.out.EmployeeDirectory;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.application.port.out.SelfieAnalyzer;
import id.teken.activation.application.port.out.SelfieVault;
import id.teken.activation.domain.Activation;
import id.teken.activation.domain.ActivationStatus;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.Employment;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.FaceResult;
import id.teken.activation.domain.Identity;
import id.teken.activation.domain.Kategori;
import id.teken.activation.domain.LinkToken;
import id.teken.activation.domain.Registrant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/** The activation link's life: start on registration, the steps in order, submit, expiry. */
@ApplicationScoped
@RequiredArgsConstructor
public class ActivationService implements StartActivationUseCase, UseActivationLinkUseCase, ExpireActivationsUseCase {

    private final ActivationRepository activations;
    private final ActivationMailer mailer;
    private final ActivationEvents events;
    private final EmployeeDirectory directory;
    private final FaceVerification faces;
    private final SelfieAnalyzer analyzer;
    private final SelfieVault vault;
    private final AttemptThrottle throttle;
    private final ActivationSettings settings;
    private final Clock clock;

    @Override
    @Transactional
    public void start(Registrant registrant) {
        if (activations.existsForRegistration(registrant.registrationId())) {
            return;
        }
        Instant now = clock.instant();
        String token = LinkToken.generate();
        Activation activation = Activation.start(registrant, LinkToken.hash(token), now, now.plus(settings.linkValidity()));
        activations.save(activation);
        mailer.sendActivationLink(registrant, link(token), activation.expiresAt());
    }

    @Override
    @Transactional
    public LinkView view(String token, String clientAddress) {
        Activation a = byToken(token, clientAddress);
        a.checkLinkUsable(clock.instant());
        return new LinkView(a.id().toString(), a.nextStep(), a.status(), settings.instansi(), a.registrant().nama(),
                a.registrant().emailDinas(), a.expiresAt(), settings.privacyPolicyVersion(),
                settings.subscriberAgreementVersion());
    }

    @Override
    @Transactional
    public void recordIdentity(String token, Identity identity, String clientAddress) {
        Activation a = byToken(token, clientAddress);
        a.recordIdentity(identity, clock.instant());
        activations.save(a);
    }

    @Override
    @Transactional
    public Employment recordEmployment(String token, EmploymentCommand command, String clientAddress) {
        Activation a = byToken(token, clientAddress);
        Instant now = clock.instant();
        a.checkLinkUsable(now);
        Kategori kategori = command.kategori();
        Employment employment;
        if (kategori == Kategori.ASN_POLRI) {
            String nip = command.nipNrp();
            EmployeeDirectory.EmployeeRecord record = directory.find(nip).orElseThrow(() ->
                    new DomainException(ErrorCode.NIP_NOT_FOUND, "NIP/NRP tidak ditemukan"));
            if (!record.nip().equals(a.registrant().nip())) {
                throw new DomainException(ErrorCode.NIP_MISMATCH, "NIP/NRP ini bukan milik pendaftar sertifikat.");
            }
            employment = new Employment(kategori, nip, record.unitOrganisasi(), record.jabatan(), record.provinsi(), true);
        } else {
            employment = new Employment(kategori, command.nipNrp(), command.unitOrganisasi(), command.jabatan(),
                    a.registrant().provinsi(), false);
        }
        a.recordEmployment(employment, now);
        activations.save(a);
        return employment;
    }

    @Override
    @Transactional
    public void recordSelfie(String token, String contentType, byte[] image, String clientAddress) {
        Activation a = byToken(token, clientAddress);
        Instant now = clock.instant();
        a.checkLinkUsable(now);
        if (a.nextStep().ordinal() < id.teken.activation.domain.Step.SELFIE.ordinal()) {
            throw new DomainException(ErrorCode.STEP_OUT_OF_ORDER, "Selesaikan langkah " + a.nextStep() + " terlebih dahulu.");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        if (!type.equals("image/jpeg") && !type.equals("image/png")) {
            throw new DomainException(ErrorCode.SELFIE_TYPE, "Swafoto harus berupa JPEG atau PNG.");
        }
        settings.selfiePolicy().checkSize(image == null ? 0 : image.length);
        settings.selfiePolicy().check(analyzer.analyze(type, image));
        FaceResult result = faces.verify(a.registrant().nik(), type, image);
        a.recordSelfie(result, now);
        vault.store(a.id(), type, image);
        activations.save(a);
    }

    @Override
    @Transactional
    public ActivationStatus submit(String token, boolean privacy, boolean agreement, String clientAddress) {
        Activation a = byToken(token, clientAddress);
        ActivationStatus outcome = a.submit(privacy, agreement, settings.privacyPolicyVersion(),
                settings.subscriberAgreementVersion(), clock.instant());
        activations.save(a);
        if (outcome == ActivationStatus.ACTIVATED) {
            events.completed(a);
        } else {
            events.reviewRequested(a);
        }
        return outcome;
    }

    @Override
    @Transactional
    public int expireDueLinks() {
        Instant now = clock.instant();
        int count = 0;
        for (Activation a : activations.findDueToExpire(now, 100)) {
            a.expire(now);
            activations.save(a);
            events.expired(a);
            count++;
        }
        return count;
    }

    @Override
    @Transactional
    public int purgeSelfies() {
        return vault.purgeDecidedBefore(clock.instant().minus(settings.selfieRetentionAfterDecision()));
    }

    String link(String token) {
        return settings.publicUrl() + "/aktivasi/" + token;
    }

    private Activation byToken(String token, String clientAddress) {
        String key = "link:" + clientAddress;
        throttle.blocked(key, settings.maxBadLinksPerAddress()).ifPresent(wait -> {
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Terlalu banyak tautan tidak dikenal dari alamat Anda. Coba lagi nanti.", wait);
        });
        if (!LinkToken.wellFormed(token)) {
            throttle.recordFailure(key);
            throw unknown();
        }
        return activations.findByTokenHash(LinkToken.hash(token)).orElseThrow(() -> {
            throttle.recordFailure(key);
            return unknown();
        });
    }

    private static DomainException unknown() {
        return new DomainException(ErrorCode.LINK_UNKNOWN, "Tautan aktivasi tidak dikenal. Periksa kembali tautan di email Anda.");
    }
}
