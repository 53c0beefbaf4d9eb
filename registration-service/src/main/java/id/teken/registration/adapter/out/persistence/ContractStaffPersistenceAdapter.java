package id.teken.registration.adapter.out.persistence;

import id.teken.registration.application.port.out.ContractStaffRoster;
import id.teken.registration.domain.ContractStaffMember;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.util.Optional;

/** The roster of contract staff without a number in the export, in PostgreSQL (NIK unique, number the key). */
@ApplicationScoped
public class ContractStaffPersistenceAdapter implements ContractStaffRoster {

    /** The advisory lock that serialises numbering (any constant; only this adapter takes it). */
    private static final long NUMBERING_LOCK = 0x7E4E_0001L;

    @Inject
    EntityManager entityManager;

    @Override
    @ActivateRequestContext
    public Optional<ContractStaffMember> findByNip(Nip nip) {
        return ContractStaffEntity.<ContractStaffEntity>findByIdOptional(nip.value()).map(ContractStaffPersistenceAdapter::toDomain);
    }

    @Override
    public Optional<ContractStaffMember> findByNik(Nik nik) {
        return ContractStaffEntity.<ContractStaffEntity>find("nik", nik.value()).firstResultOptional()
                .map(ContractStaffPersistenceAdapter::toDomain);
    }

    @Override
    public void save(ContractStaffMember member) {
        ContractStaffEntity entity = ContractStaffEntity.findById(member.nip().value());
        if (entity == null) {
            entity = new ContractStaffEntity();
            entity.nip = member.nip().value();
        }
        entity.nik = member.nik().value();
        entity.nama = member.nama();
        entity.unitOrganisasi = member.unitOrganisasi();
        entity.jabatan = member.jabatan();
        entity.emailDinas = member.emailDinas().value();
        entity.enrolledBy = member.enrolledBy().value();
        entity.enrolledAt = member.enrolledAt();
        try {
            entity.persist();
            entityManager.flush();
        } catch (PersistenceException e) {
            throw new DomainException(ErrorCode.ALREADY_REGISTERED, "Tenaga kontrak ini sedang didaftarkan oleh permintaan lain. "
                    + "Muat ulang dan periksa kembali.");
        }
    }

    @Override
    public void lockNumbering() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, NUMBERING_LOCK).getSingleResult();
    }

    private static ContractStaffMember toDomain(ContractStaffEntity e) {
        return new ContractStaffMember(new Nip(e.nip), new Nik(e.nik), e.nama, e.unitOrganisasi, e.jabatan,
                new EmailDinas(new EmailAddress(e.emailDinas)), new Nip(e.enrolledBy), e.enrolledAt);
    }
}
