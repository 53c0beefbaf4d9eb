package id.teken.certificate.adapter.out;

import id.teken.certificate.application.PassphraseAttemptsContract;
import id.teken.certificate.application.port.out.PassphraseAttempts;
import id.teken.devstack.DevStackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/** The passphrase_attempt table adapter on PostgreSQL, held to the contract its in-memory fake passes too. */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class PassphraseAttemptsAdapterTest extends PassphraseAttemptsContract {

    @Inject
    PassphraseAttempts attempts;

    @Inject
    EntityManager em;

    @Override
    protected PassphraseAttempts attempts() {
        return attempts;
    }

    @Override
    protected <T> T committed(Callable<T> step) {
        return QuarkusTransaction.requiringNew().call(step);
    }

    /** A subscriber with one revoked credential (so it never meets the one-active-per-NIP rule of other tests). */
    @Override
    protected UUID newCredential() {
        UUID id = UUID.randomUUID();
        String nip = "1990" + String.format("%014d", ThreadLocalRandom.current().nextLong(100_000_000_000_000L));
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("INSERT INTO subscriber (nip, registration_id, nama, email_dinas, instansi, activated_at) "
                    + "VALUES (?1, ?2, 'Kontrak', 'kontrak@ponorogo.go.id', 'Pemkab', now())")
                    .setParameter(1, nip).setParameter(2, id.toString()).executeUpdate();
            em.createNativeQuery("INSERT INTO credential (id, nip, serial_number, subject_dn, certificate_pem, not_before, not_after, "
                    + "status, sealed_key, agreement_version, agreement_accepted_at, created_at) VALUES (?1, ?2, ?3, 'CN=Kontrak', "
                    + "'-', now(), now() + interval '1 day', 'REVOKED', ?4, 'PPSE-2026-01', now(), now())")
                    .setParameter(1, id).setParameter(2, nip).setParameter(3, id.toString().replace("-", ""))
                    .setParameter(4, new byte[] {1}).executeUpdate();
        });
        return id;
    }
}
