package id.teken.certificate.adapter.out.ca;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;

/**
 * The CA's keys and certificates, wherever they live: a PKCS#12 file (small installations; the root's key is in it) or a
 * PKCS#11 token (the root stays offline: no root key here, and its CRL is the one the key ceremony signed).
 *
 * @param rootKey  empty when the root is offline
 * @param provider the provider that holds the keys (the token's), or null for the default providers
 */
public record CaKeys(X509Certificate root, Optional<PrivateKey> rootKey, X509Certificate issuing, PrivateKey issuingKey,
                     List<X509Certificate> previousIssuing, SigningIdentity ocsp, SigningIdentity tsa, Provider provider) {

    /** A service key with its certificate chain (OCSP responder, TSA), issued by the issuing CA. */
    public record SigningIdentity(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {
    }

    /** SHA256withRSA with {@code key}, computed where the key is (inside the token for a PKCS#11 key). */
    ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        return signer(key, provider);
    }

    static ContentSigner signer(PrivateKey key, Provider provider) throws GeneralSecurityException {
        try {
            JcaContentSignerBuilder builder = new JcaContentSignerBuilder("SHA256withRSA");
            return (provider == null ? builder : builder.setProvider(provider)).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
