package id.teken.signing.adapter.in.rest;

import id.teken.signing.application.port.in.RemoteSigningUseCase;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A CSC credentials/info body (also each credentialInfos entry of credentials/list) from one signer's credential. */
final class CscCredentialInfo {

    private static final Map<String, String> DN_NAMES = Map.of("1.2.840.113549.1.9.1", "emailAddress");
    private static final DateTimeFormatter GENERALIZED = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private CscCredentialInfo() {
    }

    static Map<String, Object> describe(RemoteSigningUseCase.Credential c, String certificates, boolean certInfo, boolean authInfo) {
        X509Certificate leaf = x509(c.chainDer().get(0));
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("description", "Sertifikat elektronik ASN (Teken)");
        info.put("key", Map.of("status", c.locked() ? "disabled" : "enabled", "algo", List.of(CscResource.RSA, CscResource.RSA_PSS),
                "len", ((java.security.interfaces.RSAPublicKey) leaf.getPublicKey()).getModulus().bitLength()));
        Map<String, Object> cert = new LinkedHashMap<>();
        cert.put("status", switch (c.status()) {
            case ISSUE -> "valid";
            case SUSPEND -> "suspended";
            case REVOKE -> "revoked";
            case EXPIRED -> "expired";
            default -> "invalid";
        });
        String mode = certificates == null || certificates.isBlank() ? "single" : certificates.trim();
        List<byte[]> shown = switch (mode) {
            case "none" -> List.of();
            case "single" -> c.chainDer().subList(0, 1);
            case "chain" -> c.chainDer();
            default -> throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid parameter certificates (none, single or chain)");
        };
        if (!shown.isEmpty()) {
            cert.put("certificates", shown.stream().map(Base64.getEncoder()::encodeToString).toList());
        }
        if (certInfo) {
            // RFC 4514 strings, with the e-mail attribute by name (not as an OID and hex).
            cert.put("issuerDN", leaf.getIssuerX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253, DN_NAMES));
            cert.put("serialNumber", leaf.getSerialNumber().toString(16).toUpperCase(java.util.Locale.ROOT));
            cert.put("subjectDN", leaf.getSubjectX500Principal().getName(javax.security.auth.x500.X500Principal.RFC2253, DN_NAMES));
            cert.put("validFrom", GENERALIZED.format(leaf.getNotBefore().toInstant()));
            cert.put("validTo", GENERALIZED.format(leaf.getNotAfter().toInstant()));
        }
        info.put("cert", cert);
        String pinDescription = "Passphrase sertifikat elektronik Anda (8-128 karakter)";
        if (authInfo) {
            info.put("auth", Map.of("mode", "explicit", "expression", "PIN", "objects",
                    List.of(Map.of("type", "Password", "id", "PIN", "format", "A", "label", "Passphrase", "description", pinDescription))));
        }
        info.put("authMode", "explicit");
        info.put("PIN", Map.of("presence", "true", "format", "A", "label", "Passphrase", "description", pinDescription));
        info.put("SCAL", "2");
        info.put("multisign", 100);
        info.put("lang", "id-ID");
        return info;
    }

    private static X509Certificate x509(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (java.security.cert.CertificateException e) {
            throw new DomainException(ErrorCode.SIGNING_UNAVAILABLE, "certificate unreadable");
        }
    }
}
