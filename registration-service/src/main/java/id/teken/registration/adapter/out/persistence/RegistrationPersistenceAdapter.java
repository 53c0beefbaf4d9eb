package id.teken.registration.adapter.out.persistence;

import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.CertificateStatus;
import id.teken.registration.domain.ContractTerms;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;

import java.util.Locale;
import java.util.Optional;

/** Registrations in PostgreSQL; a concurrent second registration loses on the key or the version. */
@ApplicationScoped
public class RegistrationPersistenceAdapter implements RegistrationRepository {

    @Inject
    EntityManager entityManager;

    @Override
    public Optional<Registration> find(Nip nip) {
        return RegistrationEntity.<RegistrationEntity>findByIdOptional(nip.value()).map(RegistrationPersistenceAdapter::toDomain);
    }

    @Override
    public void save(Registration registration) {
        RegistrationEntity entity;
        if (registration.isNew()) {
            entity = new RegistrationEntity();
            entity.nip = registration.nip().value();
        } else {
            entity = RegistrationEntity.findById(registration.nip().value());
            if (entity == null || entity.version != registration.version()) {
                throw concurrent();
            }
        }
        entity.registrationId = registration.id();
        entity.nik = registration.nik().value();
        entity.emailSiasn = registration.emailSiasn().value();
        entity.emailDinas = registration.emailDinas().value();
        entity.status = registration.status().name();
        entity.registeredAt = registration.registeredAt();
        entity.updatedAt = registration.updatedAt();
        entity.certificateSerial = registration.certificateSerial().orElse(null);
        entity.validFrom = registration.validFrom().orElse(null);
        entity.validTo = registration.validTo().orElse(null);
        entity.statusNote = registration.statusNote().orElse(null);
        entity.contractReference = registration.contract().map(ContractTerms::reference).orElse(null);
        entity.contractEndsAt = registration.contract().map(ContractTerms::endsAt).orElse(null);
        entity.contractEnrolledBy = registration.contract().map(c -> c.enrolledBy().value()).orElse(null);
        try {
            entity.persist();
            entityManager.flush();
        } catch (OptimisticLockException e) {
            throw concurrent();
        } catch (PersistenceException e) {
            String text = String.valueOf(e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
            if (text.toLowerCase(Locale.ROOT).contains("email_dinas")) {
                throw new DomainException(ErrorCode.EMAIL_DINAS_IN_USE, "Email Dinas ini sudah dipakai pendaftar lain.");
            }
            throw concurrent();
        }
    }

    @Override
    public Optional<Registration> findByRegistrationId(java.util.UUID registrationId) {
        return RegistrationEntity.<RegistrationEntity>find("registrationId", registrationId).firstResultOptional()
                .map(RegistrationPersistenceAdapter::toDomain);
    }

    @Override
    public boolean emailDinasTakenByOther(EmailDinas emailDinas, Nip nip) {
        return RegistrationEntity.count("lower(emailDinas) = ?1 and nip <> ?2 and status <> ?3",
                emailDinas.value().toLowerCase(Locale.ROOT), nip.value(), CertificateStatus.NOT_REGISTERED.name()) > 0;
    }

    @Override
    public java.util.List<Registration> findByEmail(String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return RegistrationEntity.<RegistrationEntity>list("(lower(emailDinas) = ?1 or lower(emailSiasn) = ?1) and status <> ?2 "
                        + "order by updatedAt desc", lower, CertificateStatus.NOT_REGISTERED.name()).stream()
                .map(RegistrationPersistenceAdapter::toDomain).toList();
    }

    @Override
    public boolean emailUsedByOther(String email, Nip nip) {
        return RegistrationEntity.count("(lower(emailDinas) = ?1 or lower(emailSiasn) = ?1) and nip <> ?2 and status <> ?3",
                email.toLowerCase(Locale.ROOT), nip.value(), CertificateStatus.NOT_REGISTERED.name()) > 0;
    }

    @Override
    public java.util.List<Registration> findAllByNik(Nik nik) {
        return RegistrationEntity.<RegistrationEntity>list("nik = ?1 and status <> ?2 order by updatedAt desc", nik.value(),
                CertificateStatus.NOT_REGISTERED.name()).stream().map(RegistrationPersistenceAdapter::toDomain).toList();
    }

    private static DomainException concurrent() {
        return new DomainException(ErrorCode.ALREADY_REGISTERED, "NIP ini sudah terdaftar untuk sertifikat elektronik.");
    }

    private static Registration toDomain(RegistrationEntity e) {
        return new Registration(new Nip(e.nip), e.registrationId, new Nik(e.nik), new EmailAddress(e.emailSiasn),
                new EmailDinas(new EmailAddress(e.emailDinas)), CertificateStatus.valueOf(e.status), e.registeredAt,
                e.updatedAt, e.certificateSerial, e.validFrom, e.validTo, e.statusNote, e.version)
                .underContract(e.contractReference == null ? null
                        : new ContractTerms(e.contractReference, e.contractEndsAt, new Nip(e.contractEnrolledBy)));
    }
}
