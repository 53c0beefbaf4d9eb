package id.teken.certificate.adapter.out.ca;

import org.jboss.logging.Logger;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CA's keys in a PKCS#11 token (an HSM; SoftHSM2 for tests and small sites), through the JDK's SunPKCS11. Every key
 * made here is made inside the token as a sensitive, non-extractable token object: it signs and unwraps there and never
 * leaves. The token holds the issuing CA's key with the chain [issuing, root] (imported after the offline root signed its
 * request), the OCSP responder's and the TSA's keys (made and renewed here, certified by the issuing key), and the master
 * key that wraps subscriber keys (AES-256, alias {@code master}). The root's key is never in the token.
 */
public final class Pkcs11Token {

    private static final Logger LOG = Logger.getLogger(Pkcs11Token.class);
    public static final String ISSUING = "issuing";
    public static final String MASTER = "master";
    /** One provider per library and slot in a JVM (the module is initialised once). */
    private static final Map<String, Provider> PROVIDERS = new ConcurrentHashMap<>();

    private final Provider provider;
    private final KeyStore keyStore;

    private Pkcs11Token(Provider provider, KeyStore keyStore) {
        this.provider = provider;
        this.keyStore = keyStore;
    }

    /** Logs in to the token in slot {@code slotListIndex} of the PKCS#11 module {@code library} with the user PIN. */
    public static Pkcs11Token open(String library, int slotListIndex, char[] pin) {
        Provider provider = PROVIDERS.computeIfAbsent(library + "#" + slotListIndex, k -> configure(library, slotListIndex));
        try {
            KeyStore ks = KeyStore.getInstance("PKCS11", provider);
            ks.load(null, pin);
            return new Pkcs11Token(provider, ks);
        } catch (IOException e) {
            throw new IllegalStateException("PKCS#11 token in slot " + slotListIndex + " of " + library + ": login refused (wrong PIN?)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKCS#11 token in slot " + slotListIndex + " of " + library + " is not usable: "
                    + e.getClass().getSimpleName());
        }
    }

    private static Provider configure(String library, int slotListIndex) {
        if (!java.nio.file.Files.isReadable(java.nio.file.Path.of(library))) {
            throw new IllegalStateException("PKCS#11 module " + library + " not found (teken.ca.pkcs11.library)");
        }
        // Keys made through this provider are token objects, sensitive and never extractable.
        String config = "--name=teken-ca\n"
                + "library=" + library + "\n"
                + "slotListIndex=" + slotListIndex + "\n"
                + "attributes(generate, CKO_PRIVATE_KEY, *) = {\n  CKA_TOKEN = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n"
                + "attributes(*, CKO_SECRET_KEY, *) = {\n  CKA_TOKEN = true\n  CKA_SENSITIVE = true\n  CKA_EXTRACTABLE = false\n}\n";
        Provider base = Security.getProvider("SunPKCS11");
        if (base == null) {
            throw new IllegalStateException("this JDK has no SunPKCS11 provider");
        }
        Provider provider = base.configure(config);
        Security.addProvider(provider);
        return provider;
    }

    public Provider provider() {
        return provider;
    }

    KeyStore keyStore() {
        return keyStore;
    }

    public List<String> aliases() {
        try {
            return Collections.list(keyStore.aliases());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The CA as the token holds it: the issuing key and its chain must be there (imported by {@code teken ca
     * import-issuing}); the OCSP and TSA identities are made, or renewed 30 days before they end, inside the token.
     */
    public CaKeys caKeys(String tenantName, String publicUrl) {
        try {
            PrivateKey issuingKey = (PrivateKey) keyStore.getKey(ISSUING, null);
            Certificate[] chain = keyStore.getCertificateChain(ISSUING);
            if (issuingKey == null || chain == null || chain.length < 2) {
                throw new IllegalStateException("the PKCS#11 token holds no issuing CA certificated by the root: run the key ceremony"
                        + " (teken ca issuing-csr, sign it with the offline root, teken ca import-issuing)");
            }
            X509Certificate issuing = (X509Certificate) chain[0];
            X509Certificate root = (X509Certificate) chain[chain.length - 1];
            CaKeyStore.ensureServiceIdentity(keyStore, "ocsp", null, tenantName, issuing, issuingKey, root, publicUrl, provider);
            CaKeyStore.ensureServiceIdentity(keyStore, "tsa", null, tenantName, issuing, issuingKey, root, publicUrl, provider);
            return new CaKeys(root, Optional.empty(), issuing, issuingKey, List.of(),
                    new CaKeys.SigningIdentity((PrivateKey) keyStore.getKey("ocsp", null), (X509Certificate) keyStore.getCertificate("ocsp"), issuing),
                    new CaKeys.SigningIdentity((PrivateKey) keyStore.getKey("tsa", null), (X509Certificate) keyStore.getCertificate("tsa"), issuing),
                    provider);
        } catch (IOException e) {
            throw new IllegalStateException("the OCSP or TSA certificate could not be made: " + e.getClass().getSimpleName());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKCS#11 token's CA keys are not usable: " + e.getClass().getSimpleName());
        }
    }

    /** Whether the token's key and {@code raw} encrypt a probe alike (a token key cannot be read to compare). */
    private boolean sameKey(Key token, byte[] raw) throws GeneralSecurityException {
        javax.crypto.spec.GCMParameterSpec iv = new javax.crypto.spec.GCMParameterSpec(128, new byte[12]);
        javax.crypto.Cipher inToken = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding", provider);
        inToken.init(javax.crypto.Cipher.ENCRYPT_MODE, token, iv);
        javax.crypto.Cipher here = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        here.init(javax.crypto.Cipher.ENCRYPT_MODE, new SecretKeySpec(raw, "AES"), iv);
        byte[] probe = "teken master key probe".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        return java.security.MessageDigest.isEqual(inToken.doFinal(probe), here.doFinal(probe));
    }

    /**
     * The master key that wraps subscriber keys, inside the token. The first time: {@code importing} (the key an
     * installation used from its configuration, so keys sealed before still open) goes into the token once, or else a new
     * key is made inside it; after that the token's key is used and {@code importing} must match it or be absent.
     */
    public Key masterKey(Optional<byte[]> importing) {
        try {
            Key existing = keyStore.getKey(MASTER, null);
            if (existing != null) {
                if (importing.isPresent() && !sameKey(existing, importing.get())) {
                    throw new IllegalStateException("TEKEN_MASTER_KEY differs from the master key in the PKCS#11 token:"
                            + " remove it from the configuration (the token's key is the one in use)");
                }
                return existing;
            }
            SecretKey key;
            if (importing.isPresent()) {
                key = new SecretKeySpec(importing.get(), "AES");
                LOG.info("Master key imported into the PKCS#11 token (remove TEKEN_MASTER_KEY from the configuration now)");
            } else {
                javax.crypto.KeyGenerator generator = javax.crypto.KeyGenerator.getInstance("AES", provider);
                generator.init(256);
                key = generator.generateKey();
                LOG.info("Master key made inside the PKCS#11 token");
            }
            keyStore.setEntry(MASTER, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(new char[0]));
            importing.ifPresent(bytes -> Arrays.fill(bytes, (byte) 0));
            return keyStore.getKey(MASTER, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the PKCS#11 token's master key is not usable: " + e.getClass().getSimpleName());
        }
    }
}
