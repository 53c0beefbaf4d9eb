package id.teken.signing.adapter.out.persistence;

import static id.teken.kit.persistence.SqlRows.instant;

import id.teken.signing.application.port.out.SignedDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table signed_document through the EntityManager. */
@ApplicationScoped
public class SignedDocumentsAdapter implements SignedDocuments {

    @Inject
    EntityManager em;

    @Override
    public void save(SignedDocumentRecord r) {
        em.createNativeQuery("""
                        INSERT INTO signed_document (document_id, nip, signer_name, serial_number, sha256, pades_level, client_id, signed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, r.documentId()).setParameter(2, r.nip()).setParameter(3, r.signerName())
                .setParameter(4, r.serialNumber()).setParameter(5, r.sha256()).setParameter(6, r.padesLevel())
                .setParameter(7, r.clientId()).setParameter(8, Timestamp.from(r.signedAt())).executeUpdate();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Optional<SignedDocumentRecord> find(UUID documentId) {
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT document_id, nip, signer_name, serial_number, sha256, pades_level, client_id, signed_at
                        FROM signed_document WHERE document_id = ?1""").setParameter(1, documentId).getResultList();
        return rows.stream().findFirst().map(r -> new SignedDocumentRecord((UUID) r[0], (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6], instant(r[7])));
    }
}
