package id.teken.certificate.adapter.out.custody;

import id.teken.certificate.application.port.out.KeyCustody;
import org.junit.jupiter.api.Test;

import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** RSASSA-PSS over given hashes with a sealed key: the JDK's own RSASSA-PSS verifier accepts each, for its hash only. */
class SealedKeyPssTest {

    @Test
    void pssSignaturesOverHashes_verifyWithTheJdk_forEachHashAlgorithm() throws Exception {
        SealedKeyCustody custody = new SealedKeyCustody(new byte[32], "RSA", 2048, 64, 1);
        UUID id = UUID.randomUUID();
        KeyCustody.GeneratedKey key = custody.generate(id, "Kunci#Uji99".toCharArray());
        PublicKey publicKey = KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(key.publicKeyDer()));
        KeyCustody.Unlocked open = custody.unlock(id, key.sealedKey(), "Kunci#Uji99".toCharArray()).orElseThrow();
        byte[] document = "surat dinas".getBytes();
        for (String hash : List.of("SHA-256", "SHA-384", "SHA-512")) {
            byte[] digest = MessageDigest.getInstance(hash).digest(document);
            byte[] value = custody.signPss(open, hash, List.of(digest)).get(0);
            PSSParameterSpec params = new PSSParameterSpec(hash, "MGF1", new MGF1ParameterSpec(hash), digest.length, 1);
            Signature check = Signature.getInstance("RSASSA-PSS");
            check.setParameter(params);
            check.initVerify(publicKey);
            check.update(document);
            assertThat(check.verify(value)).as(hash).isTrue();
            check.initVerify(publicKey);
            check.update("surat lain".getBytes());
            assertThat(check.verify(value)).as(hash + ", another document").isFalse();
            // Salted: two signatures of one hash differ.
            assertThat(custody.signPss(open, hash, List.of(digest)).get(0)).isNotEqualTo(value);
        }
        open.destroy();
    }
}
