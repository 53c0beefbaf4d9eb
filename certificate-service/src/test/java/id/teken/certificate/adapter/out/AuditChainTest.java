package id.teken.certificate.adapter.out;

import id.teken.certificate.Openssl;
import id.teken.devstack.DevStackTestResource;
import id.teken.kit.audit.AuditAnchors;
import id.teken.kit.audit.AuditChain;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * The tamper-evident audit trail on real PostgreSQL: parallel appends make one unbroken chain, an edited, removed or
 * cut-off entry is named by the check, the table refuses plain updates, and the head's time-stamp from Teken's own TSA
 * passes openssl against the published root.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class AuditChainTest {

    @Inject
    AuditChain chain;

    @Inject
    AuditAnchors anchors;

    @Inject
    EntityManager entityManager;

    @TestHTTPResource("/pki/tsa")
    URL tsa;

    @TestHTTPResource(value = "/audit-chain", management = true)
    URL check;

    AuditChain.Entry append(String action, String detail) {
        return QuarkusTransaction.requiringNew().call(() -> chain.append("197812012005041003", action, "subject-1", detail));
    }

    /** What an insider with the database owner's rights does: turn the guard off, change the row, turn it on again. */
    void asOwner(String sql) {
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("ALTER TABLE teken_audit_chain DISABLE TRIGGER teken_audit_chain_append_only").executeUpdate();
            entityManager.createNativeQuery(sql).executeUpdate();
            entityManager.createNativeQuery("ALTER TABLE teken_audit_chain ENABLE TRIGGER teken_audit_chain_append_only").executeUpdate();
        });
    }

    Object[] row(long seq) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM teken_audit_chain WHERE seq = ?1")
                .setParameter(1, seq).getSingleResult());
    }

    /** Puts a removed row back as it was (the other tests share this database). */
    void reinsert(Object[] row) {
        QuarkusTransaction.requiringNew().run(() -> {
            var insert = entityManager.createNativeQuery("INSERT INTO teken_audit_chain (seq, at, actor, action, subject, detail, "
                    + "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
            for (int i = 0; i < row.length; i++) {
                insert.setParameter(i + 1, row[i]);
            }
            insert.executeUpdate();
        });
    }

    @Test
    void parallelAppends_makeOneUnbrokenChain_andTheCheckSaysSo() throws Exception {
        long before = chain.verify().entries();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<AuditChain.Entry>> done = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            int n = i;
            done.add(pool.submit(() -> {
                go.await();
                return append("test.parallel", "entry " + n);
            }));
        }
        go.countDown();
        List<Long> seqs = new ArrayList<>();
        for (Future<AuditChain.Entry> f : done) {
            seqs.add(f.get().seq());
        }
        pool.shutdown();
        assertThat(seqs).doesNotHaveDuplicates().hasSize(24);
        AuditChain.Verification v = chain.verify();
        assertThat(v.intact()).as(v.reason()).isTrue();
        assertThat(v.entries()).isGreaterThanOrEqualTo(before + 24);
        given().get(check).then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void anEditedEntry_isNamed_andTheTableRefusesPlainEdits() {
        AuditChain.Entry victim = append("verifier.REVOKE", "reason keyCompromise");
        append("test.after", "a later entry");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE teken_audit_chain SET detail = 'x' WHERE seq = " + victim.seq()).executeUpdate()))
                .hasStackTraceContaining("append-only");
        asOwner("UPDATE teken_audit_chain SET detail = 'reason superseded' WHERE seq = " + victim.seq());
        try {
            AuditChain.Verification v = chain.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBrokenSeq()).isEqualTo(victim.seq());
            assertThat(v.reason()).contains("changed");
            given().get(check).then().statusCode(409).body("firstBrokenSeq", equalTo((int) victim.seq()));
        } finally {
            asOwner("UPDATE teken_audit_chain SET detail = 'reason keyCompromise' WHERE seq = " + victim.seq());
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void aRemovedEntry_isNamed() {
        AuditChain.Entry victim = append("verifier.SUSPEND", "to be removed");
        append("test.after", "a later entry");
        Object[] row = row(victim.seq());
        asOwner("DELETE FROM teken_audit_chain WHERE seq = " + victim.seq());
        try {
            AuditChain.Verification v = chain.verify();
            assertThat(v.firstBrokenSeq()).isEqualTo(victim.seq());
            assertThat(v.reason()).contains("missing");
        } finally {
            reinsert(row);
        }
        assertThat(chain.verify().intact()).isTrue();
    }

    @Test
    void theHeadsTimeStamp_passesOpenssl_andEntriesCutOffAfterItAreNoticed() throws Exception {
        AuditChain.Entry head = append("test.anchor", "to be time-stamped");
        Optional<Long> anchored = anchors.anchorHead(tsa.toString());
        assertThat(anchored).contains(head.seq());
        assertThat(anchors.anchorHead(tsa.toString())).isEmpty();   // nothing new

        byte[] reply = QuarkusTransaction.requiringNew().call(() -> (byte[]) entityManager.createNativeQuery(
                "SELECT tsa_reply FROM teken_audit_anchor WHERE seq = ?1").setParameter(1, head.seq()).getSingleResult());
        String pem = given().get("/pki/ca").then().statusCode(200).extract().asString();
        int split = pem.indexOf("-----BEGIN CERTIFICATE-----", 10);
        Path issuing = Files.createTempFile("issuing", ".pem");
        Files.writeString(issuing, pem.substring(0, split));
        Path root = Files.createTempFile("root", ".pem");
        Files.writeString(root, pem.substring(split));
        Path tsr = Files.createTempFile("anchor", ".tsr");
        Files.write(tsr, reply);
        assertThat(Openssl.run("ts", "-verify", "-digest", HexFormat.of().formatHex(head.hash()), "-in", tsr.toString(),
                "-CAfile", root.toString(), "-untrusted", issuing.toString()).output()).contains("Verification: OK");
        assertThat(chain.verify().anchors()).isGreaterThanOrEqualTo(1);

        // Cutting the chain back to before the time-stamped entry is noticed.
        Object[] row = row(head.seq());
        long last = QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT MAX(seq) FROM teken_audit_chain").getSingleResult()).longValue());
        if (last == head.seq()) {
            asOwner("DELETE FROM teken_audit_chain WHERE seq = " + head.seq());
            try {
                AuditChain.Verification v = chain.verify();
                assertThat(v.intact()).isFalse();
                assertThat(v.firstBrokenSeq()).isEqualTo(head.seq());
                assertThat(v.reason()).contains("time-stamped");
            } finally {
                reinsert(row);
            }
        }
        assertThat(chain.verify().intact()).isTrue();
    }
}
