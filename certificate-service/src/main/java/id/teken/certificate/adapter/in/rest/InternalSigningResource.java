package id.teken.certificate.adapter.in.rest;

import id.teken.internal.SigningApi.AuthorizeRequest;
import id.teken.internal.SigningApi.AuthorizeResponse;
import id.teken.internal.SigningApi.SignHashesRequest;
import id.teken.internal.SigningApi.SignHashesResponse;
import id.teken.internal.SigningApi.SigningCertificateResponse;

import id.teken.kit.ServiceToken;
import id.teken.certificate.application.port.in.SignHashUseCase;
import id.teken.certificate.application.port.in.SigningApprovalUseCase;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import id.teken.certificate.config.CertificateConfig;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.Base64;
import java.util.List;

/**
 * Internal sign-hash for signing-service only: authenticated with the service token (TEKEN_INTERNAL_TOKEN,
 * compared in constant time), never routed by the gateway.
 */
@Path("/internal/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Internal", description = "Hanya untuk signing-service di jaringan internal")
public class InternalSigningResource {

    @Inject
    SignHashUseCase signing;

    @Inject
    SigningApprovalUseCase approvals;

    @Inject
    CertificateConfig config;

    @jakarta.ws.rs.GET
    @Path("/signing-certificates/{nip}")
    @Operation(summary = "Sertifikat penanda tangan saat ini (status, terkunci, rantai) untuk menyusun tanda tangan")
    public SigningCertificateResponse signingCertificate(@HeaderParam("Authorization") String authorization,
                                                         @jakarta.ws.rs.PathParam("nip") String nip,
                                                         @jakarta.ws.rs.QueryParam("channel") String channel) {
        authenticate(authorization);
        SignHashUseCase.SigningCertificate c = signing.signingCertificate(nip, channel);
        return new SigningCertificateResponse(c.serialNumber(), c.status(), c.locked(), c.certificateChainPem());
    }

    @POST
    @Path("/authorizations")
    @Operation(summary = "Periksa passphrase dan buka kunci untuk sejumlah tanda tangan dalam waktu singkat (SAD, seperti CSC credentials/authorize)")
    public AuthorizeResponse authorize(@HeaderParam("Authorization") String authorization, AuthorizeRequest body) {
        authenticate(authorization);
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "request body required");
        }
        List<byte[]> hashes = new java.util.ArrayList<>();
        try {
            for (String h : body.hashes() == null ? List.<String>of() : body.hashes()) {
                hashes.add(Base64.getDecoder().decode(h == null ? "" : h));
            }
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "hashes must be base64.");
        }
        if (body.lifetimeSeconds() != null && body.lifetimeSeconds() < 1) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "lifetimeSeconds must be positive.");
        }
        SignHashUseCase.AuthorizeCommand command = new SignHashUseCase.AuthorizeCommand(body.nip(),
                body.passphrase() == null ? null : body.passphrase().toCharArray(), body.channel(),
                body.signatures() == null ? 1 : body.signatures(), hashes,
                body.lifetimeSeconds() == null ? null : java.time.Duration.ofSeconds(body.lifetimeSeconds()));
        // A client whose sign TOTP is a second factor: the mailed code first, then the passphrase.
        SignHashUseCase.Authorization granted = body.code() != null ? approvals.authorizeWithCode(command, body.code())
                : signing.authorize(command);
        return new AuthorizeResponse(granted.sad(), granted.expiresAt().toString(), granted.serialNumber());
    }

    @jakarta.ws.rs.DELETE
    @Path("/authorizations/{sad}")
    @Operation(summary = "Buang otorisasi tanda tangan yang tidak jadi dipakai")
    public jakarta.ws.rs.core.Response revoke(@HeaderParam("Authorization") String authorization, @jakarta.ws.rs.PathParam("sad") String sad) {
        authenticate(authorization);
        signing.revoke(sad);
        return jakarta.ws.rs.core.Response.noContent().build();
    }

    @POST
    @Path("/sign-hashes")
    @Operation(summary = "Tanda tangan atas beberapa digest (batch) dengan satu pemeriksaan passphrase")
    public SignHashesResponse signHashes(@HeaderParam("Authorization") String authorization, SignHashesRequest body) {
        authenticate(authorization);
        if (body == null || body.digests() == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "request body with digests required");
        }
        List<byte[]> digests = new java.util.ArrayList<>();
        try {
            for (String d : body.digests()) {
                digests.add(Base64.getDecoder().decode(d == null ? "" : d));
            }
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.MALFORMED_REQUEST, "digests must be base64.");
        }
        boolean timestamps = Boolean.TRUE.equals(body.timestamps());
        boolean ocsp = Boolean.TRUE.equals(body.ocsp());
        SignHashUseCase.SignedHashes signed = body.sad() != null
                ? signing.signAuthorized(new SignHashUseCase.SignAuthorizedCommand(body.nip(), body.sad(), digests, body.digestAlgorithm(),
                        body.channel(), timestamps, ocsp, Boolean.TRUE.equals(body.boundOnly()), pss(body.signatureScheme())))
                : signing.signHashes(new SignHashUseCase.SignHashesCommand(body.nip(), digests, body.digestAlgorithm(),
                        body.passphrase() == null ? null : body.passphrase().toCharArray(), body.channel(), timestamps, ocsp));
        return new SignHashesResponse(signed.signatures().stream().map(Base64.getEncoder()::encodeToString).toList(),
                signed.signatureAlgorithm(), signed.serialNumber(), signed.certificateChainPem(),
                signed.timestampTokens().stream().map(Base64.getEncoder()::encodeToString).toList(),
                signed.ocspResponse() == null ? null : Base64.getEncoder().encodeToString(signed.ocspResponse()));
    }

    @POST
    @Path("/signing-approvals")
    @Operation(summary = "Permintaan persetujuan penanda tangan untuk aplikasi klien (TOTP BSrE): kode dan tautan dikirim ke Email Dinas")
    public id.teken.internal.SigningApi.ApprovalResponse requestApproval(@HeaderParam("Authorization") String authorization,
                                                                         id.teken.internal.SigningApi.ApprovalRequest body) {
        authenticate(authorization);
        if (body == null || body.nip() == null || body.clientName() == null || body.signatures() == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "nip, channel, clientName and signatures required");
        }
        return new id.teken.internal.SigningApi.ApprovalResponse(approvals.request(new SigningApprovalUseCase.RequestCommand(body.nip(),
                body.channel(), body.clientName(), body.signatures(), Boolean.TRUE.equals(body.withPassphrase()))).expiresAt().toString());
    }

    @POST
    @Path("/signing-approvals/redeem")
    @Operation(summary = "SAD yang dibuka persetujuan penanda tangan, dengan kode TOTP yang diberikannya kepada aplikasi klien")
    public AuthorizeResponse redeemApproval(@HeaderParam("Authorization") String authorization, id.teken.internal.SigningApi.RedeemRequest body) {
        authenticate(authorization);
        if (body == null || body.nip() == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "nip, channel and code required");
        }
        SignHashUseCase.Authorization sad = approvals.redeem(new SigningApprovalUseCase.RedeemCommand(body.nip(), body.channel(), body.code()));
        return new AuthorizeResponse(sad.sad(), sad.expiresAt().toString(), sad.serialNumber());
    }

    /** PKCS1 (or none) for RSA PKCS#1 v1.5, PSS for RSASSA-PSS. */
    private static boolean pss(String scheme) {
        if (scheme == null || scheme.isBlank() || "PKCS1".equals(scheme)) {
            return false;
        }
        if ("PSS".equals(scheme)) {
            return true;
        }
        throw new DomainException(ErrorCode.MALFORMED_REQUEST, "signatureScheme: PKCS1 or PSS.");
    }

    private void authenticate(String authorization) {
        authenticate(authorization, config);
    }

    /** The service token of internal callers (every internal resource of this service). */
    static void authenticate(String authorization, CertificateConfig config) {
        switch (ServiceToken.check(authorization, config.internal().token())) {
            case NOT_CONFIGURED -> throw new DomainException(ErrorCode.SERVICE_UNAUTHENTICATED, "internal signing is not configured (TEKEN_INTERNAL_TOKEN)");
            case REFUSED -> throw new DomainException(ErrorCode.SERVICE_UNAUTHENTICATED, "unknown service");
            case ACCEPTED -> { }
        }
    }
}
