package id.teken.signing.adapter.in.rest;

import id.teken.signing.application.port.in.RemoteSigningUseCase;
import id.teken.signing.application.port.in.SignDocumentUseCase;
import id.teken.signing.config.SigningConfig;
import id.teken.signing.domain.CertificateStatus;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Cloud Signature Consortium API v2 (remote signing) for a signed-in ASN: info, credentials/list, credentials/info,
 * credentials/authorize (the passphrase as authData PIN; a SAD for exactly these hashes, single use, minutes; or, without
 * hashes, for numSignatures documents that Teken signs itself), signatures/signHash (RSA PKCS#1 v1.5 with SHA-256/384/512,
 * hash-bound SADs only: SCAL 2), signatures/signDoc (PAdES at B-B to B-LTA, invisible, with a SAD for documents).
 * auth/login is registration-service's (HTTP Basic NIP:password). Lenient with CSC v1 names (hash, hashAlgo, PIN) and with
 * the spellings of conformance levels clients send. Errors in CSC's shape ({@link Csc}).
 */
@Path("/csc/v2")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "CSC API v2", description = "Cloud Signature Consortium API v2: tanda tangan jarak jauh atas hash")
public class CscResource {

    static final String RSA = "1.2.840.113549.1.1.1";
    /** RSASSA-PSS; its parameters (signAlgoParams, base64 DER RSASSA-PSS-params) may name the hash, MGF1 with it, the salt. */
    static final String RSA_PSS = "1.2.840.113549.1.1.10";
    static final Map<String, String> HASH_OIDS = Map.of("2.16.840.1.101.3.4.2.1", "SHA-256", "2.16.840.1.101.3.4.2.2", "SHA-384",
            "2.16.840.1.101.3.4.2.3", "SHA-512");
    /** sha256/384/512WithRSAEncryption: the hash is in the algorithm. */
    static final Map<String, String> SIGN_ALGOS = Map.of("1.2.840.113549.1.1.11", "SHA-256", "1.2.840.113549.1.1.12", "SHA-384",
            "1.2.840.113549.1.1.13", "SHA-512");

    @Inject
    RemoteSigningUseCase signing;

    @Inject
    SecurityIdentity identity;

    @Inject
    SigningConfig config;

    /** One document of signatures/signDoc: the PDF (base64) and how to sign it. */
    public record SignDocDocument(String document, String signature_format, String conformance_level, String signAlgo,
                                  String signAlgoParams, String signed_envelope_property) {
    }

    /** signatures/signDoc: documents (PAdES); documentDigests are for signHash here. */
    public record SignDocRequest(String credentialID, String SAD, List<SignDocDocument> documents, Object documentDigests,
                                 String signatureQualifier, String operationMode, String clientData, Boolean returnValidationInfo) {
    }

    /** credentials/list (v2). */
    public record ListRequest(String userID, Boolean credentialInfo, String certificates, Boolean certInfo, Boolean authInfo,
                              Boolean onlyValid, String lang) {
    }

    /** credentials/info (v2; v1 clients send the same names). */
    public record InfoRequest(String credentialID, String certificates, Boolean certInfo, Boolean authInfo, String lang) {
    }

    /** One authData object: {id: "PIN", value}. */
    public record AuthData(String id, String value) {
    }

    /** credentials/authorize: v2 names, and v1's hash, hashAlgo? (v1 has none), PIN. */
    public record AuthorizeRequest(String credentialID, Integer numSignatures, List<String> hashes, List<String> hash,
                                   String hashAlgorithmOID, List<AuthData> authData, String PIN, String description, String clientData) {
    }

    /** signatures/signHash: v2 names, and v1's hash, hashAlgo. */
    public record SignHashRequest(String credentialID, String SAD, List<String> hashes, List<String> hash, String hashAlgorithmOID,
                                  String hashAlgo, String signAlgo, String signAlgoParams, String operationMode, String clientData) {
    }

    @POST
    @Path("/info")
    @Operation(summary = "CSC info: layanan, metode, algoritma dan format tanda tangan yang didukung (terbuka)")
    public Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("specs", "2.0.0.2");
        info.put("name", "Teken");
        info.put("logo", config.publicUrl().replaceAll("/+$", "") + "/");
        info.put("region", "ID");
        info.put("lang", "id-ID");
        info.put("description", "Layanan tanda tangan elektronik Teken untuk ASN pemerintah daerah");
        info.put("authType", List.of("basic"));
        info.put("methods", List.of("info", "auth/login", "auth/revoke", "credentials/list", "credentials/info", "credentials/authorize",
                "signatures/signHash", "signatures/signDoc"));
        info.put("signAlgorithms", Map.of("algos", List.of(RSA, "1.2.840.113549.1.1.11", "1.2.840.113549.1.1.12", "1.2.840.113549.1.1.13",
                RSA_PSS)));
        // Approval signatures (a revision each; earlier signatures stay valid); no certification (DocMDP) signatures.
        info.put("signature_formats", Map.of("formats", List.of("P"), "envelope_properties", List.of(List.of("Revision"))));
        info.put("conformance_levels", List.of("Ades-B-B", "Ades-B-T", "Ades-B-LT", "Ades-B-LTA"));
        return info;
    }

    @POST
    @Path("/credentials/list")
    @Operation(summary = "CSC credentials/list: kredensial (sertifikat saat ini) milik ASN yang masuk")
    public Map<String, Object> list(ListRequest body) {
        String nip = asn();
        ListRequest r = body == null ? new ListRequest(null, null, null, null, null, null, null) : body;
        if (r.userID() != null && !r.userID().isBlank() && !r.userID().trim().equals(nip)) {
            throw new DomainException(ErrorCode.FORBIDDEN, "userID must be the signed-in user's");
        }
        boolean onlyValid = Boolean.TRUE.equals(r.onlyValid());
        List<RemoteSigningUseCase.Credential> credentials = signing.credentials(nip).stream()
                .filter(c -> !onlyValid || c.status() == CertificateStatus.ISSUE).toList();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("credentialIDs", credentials.stream().map(RemoteSigningUseCase.Credential::id).toList());
        if (Boolean.TRUE.equals(r.credentialInfo())) {
            List<Map<String, Object>> infos = new ArrayList<>();
            for (RemoteSigningUseCase.Credential c : credentials) {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("credentialID", c.id());
                one.putAll(CscCredentialInfo.describe(c, r.certificates(), !Boolean.FALSE.equals(r.certInfo()), !Boolean.FALSE.equals(r.authInfo())));
                infos.add(one);
            }
            answer.put("credentialInfos", infos);
        }
        answer.put("onlyValid", onlyValid);
        return answer;
    }

    @POST
    @Path("/credentials/info")
    @Operation(summary = "CSC credentials/info: kunci, sertifikat (none/single/chain) dan cara otorisasi (passphrase sebagai PIN)")
    public Map<String, Object> credentialInfo(InfoRequest body) {
        String nip = asn();
        if (body == null || body.credentialID() == null || body.credentialID().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter credentialID");
        }
        return CscCredentialInfo.describe(signing.credential(nip, body.credentialID()), body.certificates(), Boolean.TRUE.equals(body.certInfo()),
                Boolean.TRUE.equals(body.authInfo()) || body.authInfo() == null);
    }

    @POST
    @Path("/credentials/authorize")
    @Operation(summary = "CSC credentials/authorize: passphrase (authData PIN) -> SAD untuk hash-hash ini saja, sekali pakai, beberapa menit")
    public Map<String, Object> authorize(AuthorizeRequest body) {
        String nip = asn();
        if (body == null || body.credentialID() == null || body.credentialID().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter credentialID");
        }
        List<String> given = body.hashes() != null ? body.hashes() : body.hash();
        // Without hashes: an authorization for numSignatures documents, which signDoc alone takes (Teken computes the digests).
        boolean forDocuments = (given == null || given.isEmpty()) && body.numSignatures() != null;
        List<byte[]> hashes = forDocuments ? List.of() : hashes(given);
        if (!forDocuments && body.numSignatures() != null && body.numSignatures() != hashes.size()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "numSignatures must equal the number of hashes");
        }
        String algorithm = forDocuments ? null : hashAlgorithm(body.hashAlgorithmOID(), hashes);
        String pin = body.PIN();
        if (body.authData() != null) {
            for (AuthData a : body.authData()) {
                if (a != null && "PIN".equalsIgnoreCase(a.id())) {
                    pin = a.value();
                }
            }
        }
        if (pin != null && pin.length() > 256) {
            throw new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase salah.");
        }
        RemoteSigningUseCase.Authorization granted = signing.authorize(new RemoteSigningUseCase.AuthorizeCommand(nip, body.credentialID(),
                hashes, algorithm, pin == null ? null : pin.toCharArray(), forDocuments ? body.numSignatures() : hashes.size()));
        return Map.of("SAD", granted.sad(), "expiresIn", granted.expiresInSeconds());
    }

    @POST
    @Path("/signatures/signHash")
    @Operation(summary = "CSC signatures/signHash: tanda tangan RSA PKCS#1 v1.5 atas hash yang sudah diotorisasi")
    public Map<String, Object> signHash(SignHashRequest body) {
        String nip = asn();
        if (body == null || body.credentialID() == null || body.credentialID().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter credentialID");
        }
        if (body.SAD() == null || body.SAD().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter SAD");
        }
        List<byte[]> hashes = hashes(body.hashes() != null ? body.hashes() : body.hash());
        String signAlgo = body.signAlgo() == null ? body.hashAlgo() == null ? null : RSA : body.signAlgo().trim();
        if (signAlgo == null) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter signAlgo");
        }
        String hashOid = body.hashAlgorithmOID() != null ? body.hashAlgorithmOID() : body.hashAlgo();
        String algorithm;
        boolean pss = RSA_PSS.equals(signAlgo);
        if (pss) {
            algorithm = pssHash(body.signAlgoParams(), hashOid, hashes);
        } else if (SIGN_ALGOS.containsKey(signAlgo)) {
            algorithm = SIGN_ALGOS.get(signAlgo);
            if (hashOid != null && !algorithm.equals(HASH_OIDS.get(hashOid.trim()))) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "hashAlgorithmOID does not match signAlgo");
            }
        } else if (RSA.equals(signAlgo)) {
            algorithm = hashAlgorithm(hashOid, hashes);
        } else {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST,
                    "Invalid parameter signAlgo (supported: RSA PKCS#1 v1.5 with SHA-256/384/512, RSASSA-PSS)");
        }
        List<byte[]> signatures = signing.signHashes(new RemoteSigningUseCase.SignHashesCommand(nip, body.credentialID(), body.SAD(),
                hashes, algorithm, pss));
        return Map.of("signatures", signatures.stream().map(Base64.getEncoder()::encodeToString).toList());
    }

    @POST
    @Path("/signatures/signDoc")
    @Operation(summary = "CSC signatures/signDoc: PDF (base64) ditandatangani PAdES oleh Teken dengan SAD untuk dokumen (authorize tanpa hashes)")
    public Map<String, Object> signDoc(SignDocRequest body) {
        String nip = asn();
        if (body == null || body.credentialID() == null || body.credentialID().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter credentialID");
        }
        if (body.SAD() == null || body.SAD().isBlank()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter SAD");
        }
        if (body.documents() == null || body.documents().isEmpty()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, body.documentDigests() != null
                    ? "documentDigests are signed with signatures/signHash here; signDoc takes documents"
                    : "Missing (or invalid type) array parameter documents");
        }
        if (body.operationMode() != null && !"S".equalsIgnoreCase(body.operationMode().trim())) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid parameter operationMode (only S, synchronous)");
        }
        if (body.documents().size() > config.signing().maxBatchFiles()) {
            throw new DomainException(ErrorCode.TOO_MANY_FILES, "At most " + config.signing().maxBatchFiles() + " documents");
        }
        PadesLevel level = null;
        List<String> encoded = new ArrayList<>();
        for (SignDocDocument d : body.documents()) {
            if (d == null || d.document() == null || d.document().isBlank()) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) string parameter document");
            }
            if (d.signature_format() != null && !"P".equalsIgnoreCase(d.signature_format().trim())) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid parameter signature_format (only P, PAdES)");
            }
            if (d.signed_envelope_property() != null && !"Revision".equalsIgnoreCase(d.signed_envelope_property().trim())) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid parameter signed_envelope_property (only Revision)");
            }
            if (d.signAlgo() != null && !RSA.equals(d.signAlgo().trim()) && !"1.2.840.113549.1.1.11".equals(d.signAlgo().trim())) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid parameter signAlgo (RSA with SHA-256 for PAdES)");
            }
            PadesLevel asked = conformance(d.conformance_level());
            if (level != null && asked != level) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Every document of one call has the same conformance_level");
            }
            level = asked;
            encoded.add(d.document());
        }
        List<PdfDocument> documents = Base64Pdfs.decode(encoded, "documents", config.signing());
        List<SignDocumentUseCase.SignedDocument> signed = signing.signDocuments(new RemoteSigningUseCase.SignDocumentsCommand(nip,
                body.credentialID(), body.SAD(), documents, level));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("DocumentWithSignature", signed.stream().map(d -> Base64.getEncoder().encodeToString(d.pdf())).toList());
        answer.put("documentIDs", signed.stream().map(SignDocumentUseCase.SignedDocument::documentId).toList());
        return answer;
    }

    /**
     * The hash of an RSASSA-PSS signature: from signAlgoParams when given (which must be MGF1 with the same hash, a salt as
     * long as the hash and trailer 1, the parameters Teken makes), else from hashAlgorithmOID or the hashes' length.
     */
    private static String pssHash(String signAlgoParams, String hashOid, List<byte[]> hashes) {
        String algorithm = hashAlgorithm(hashOid, hashes);
        if (signAlgoParams == null || signAlgoParams.isBlank()) {
            return algorithm;
        }
        org.bouncycastle.asn1.pkcs.RSASSAPSSparams params;
        try {
            params = org.bouncycastle.asn1.pkcs.RSASSAPSSparams.getInstance(Base64.getDecoder().decode(signAlgoParams.trim()));
        } catch (RuntimeException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid parameter signAlgoParams (base64 DER RSASSA-PSS-params)");
        }
        String named = HASH_OIDS.get(params.getHashAlgorithm().getAlgorithm().getId());
        org.bouncycastle.asn1.x509.AlgorithmIdentifier mgf = params.getMaskGenAlgorithm();
        boolean mgf1SameHash = org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers.id_mgf1.equals(mgf.getAlgorithm())
                && named != null && named.equals(HASH_OIDS.get(org.bouncycastle.asn1.x509.AlgorithmIdentifier.getInstance(mgf.getParameters())
                .getAlgorithm().getId()));
        int length = switch (named == null ? "" : named) {
            case "SHA-256" -> 32;
            case "SHA-384" -> 48;
            case "SHA-512" -> 64;
            default -> -1;
        };
        if (!mgf1SameHash || params.getSaltLength().intValue() != length || params.getTrailerField().intValue() != 1
                || hashOid != null && !named.equals(HASH_OIDS.get(hashOid.trim()))) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Unsupported signAlgoParams: RSASSA-PSS with SHA-256/384/512, "
                    + "MGF1 with the same hash, a salt as long as the hash, trailer 1");
        }
        return named;
    }

    /** CSC's conformance levels as clients spell them (Ades-B-LT, AdES-B-LT, Ades-LT, ...); absent: Teken's default level. */
    private PadesLevel conformance(String raw) {
        PadesLevel fallback = PadesLevel.parse(config.signing().defaultLevel(), PadesLevel.B_LT);
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        String s = raw.trim().toUpperCase(java.util.Locale.ROOT).replace("ADES-", "").replace("ADES_", "");
        return switch (s) {
            case "B-B", "B" -> PadesLevel.B_B;
            case "B-T", "T" -> PadesLevel.B_T;
            case "B-LT", "LT" -> PadesLevel.B_LT;
            case "B-LTA", "LTA" -> PadesLevel.B_LTA;
            default -> {
                try {
                    yield PadesLevel.parse(raw, fallback);   // PAdES-BASELINE-LT and the like
                } catch (DomainException e) {
                    throw new DomainException(ErrorCode.MALFORMED_REQUEST,
                            "Invalid parameter conformance_level (Ades-B-B, Ades-B-T, Ades-B-LT or Ades-B-LTA)");
                }
            }
        };
    }

    private String asn() {
        if (identity.isAnonymous()) {
            throw new DomainException(ErrorCode.UNAUTHENTICATED, "The access token is missing, expired or not valid (auth/login)");
        }
        if (!identity.hasRole("ASN")) {
            throw new DomainException(ErrorCode.FORBIDDEN, "Only an ASN may sign");
        }
        return identity.getPrincipal().getName();
    }

    private static List<byte[]> hashes(List<String> encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing (or invalid type) array parameter hashes");
        }
        if (encoded.size() > 100) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "At most 100 hashes");
        }
        List<byte[]> hashes = new ArrayList<>();
        for (String h : encoded) {
            try {
                hashes.add(Base64.getDecoder().decode(h == null ? "" : h.trim()));
            } catch (IllegalArgumentException e) {
                try {
                    hashes.add(Base64.getUrlDecoder().decode(h.trim()));
                } catch (IllegalArgumentException again) {
                    throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid Base64 hash string parameter");
                }
            }
        }
        return hashes;
    }

    /** The hash algorithm from its OID; without one, from the hashes' length (SHA-256/384/512). */
    private static String hashAlgorithm(String oid, List<byte[]> hashes) {
        if (oid != null && !oid.isBlank()) {
            String algorithm = HASH_OIDS.get(oid.trim());
            if (algorithm == null) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Invalid parameter hashAlgorithmOID (SHA-256, SHA-384 or SHA-512)");
            }
            return algorithm;
        }
        return switch (hashes.get(0).length) {
            case 32 -> "SHA-256";
            case 48 -> "SHA-384";
            case 64 -> "SHA-512";
            default -> throw new DomainException(ErrorCode.MALFORMED_REQUEST, "Missing parameter hashAlgorithmOID");
        };
    }
}
