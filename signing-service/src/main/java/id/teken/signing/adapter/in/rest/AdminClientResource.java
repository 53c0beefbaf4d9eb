package id.teken.signing.adapter.in.rest;

import id.teken.signing.application.port.in.ManageSystemClientsUseCase;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.SignerScope;
import id.teken.signing.domain.SystemClient;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** ADMIN: system clients for the API and the BSrE-compatible routes. The secret is shown once, at creation or rotation. */
@Path("/api/v1/admin/clients")
@RolesAllowed("ADMIN")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
@Tag(name = "Admin", description = "Aplikasi klien (kredensial Basic, daftar IP, aktif/nonaktif)")
public class AdminClientResource {

    @Inject
    ManageSystemClientsUseCase clients;

    @Inject
    JsonWebToken jwt;

    /**
     * For whom a client may sign: {@code allSigners} (explicitly), or the signers of {@code units} (Unit Organisasi) and
     * the named {@code signers} (NIPs). A client without one signs for nobody.
     */
    public record ScopeBody(Boolean allSigners, List<String> units, List<String> signers) {
        SignerScope toScope() {
            return SignerScope.of(allSigners, units, signers);
        }

        static ScopeBody of(SignerScope s) {
            return new ScopeBody(s.allSigners(), s.units(), s.signers());
        }
    }

    /** Body of create. */
    public record CreateClientRequest(String username, String description, List<String> allowedIps, Boolean enabled,
                                      ScopeBody scope, List<String> qrOrigins, String signTotp) {
    }

    /** Body of update: fields left out stay as they are. */
    public record UpdateClientRequest(String description, List<String> allowedIps, Boolean enabled, ScopeBody scope,
                                      List<String> qrOrigins, String signTotp) {
    }

    /** A client as listed (never the secret or its hash). */
    public record ClientView(String id, String username, String description, List<String> allowedIps, boolean enabled,
                             String disabledReason, ScopeBody scope, List<String> qrOrigins, String signTotp, String createdBy,
                             Instant createdAt, Instant updatedAt) {
        static ClientView of(SystemClient c) {
            return new ClientView(c.id().toString(), c.username(), c.description(), c.allowedIps(), c.enabled(), c.disabledReason(),
                    ScopeBody.of(c.scope()), c.qrOrigins(), c.signTotp().name(), c.createdBy(), c.createdAt(), c.updatedAt());
        }
    }

    /** The client with its secret, this once. */
    public record ClientWithSecret(String id, String username, String secret, String description, List<String> allowedIps,
                                   boolean enabled, ScopeBody scope, List<String> qrOrigins, String signTotp, String message) {
        static ClientWithSecret of(ManageSystemClientsUseCase.CreatedClient created) {
            SystemClient c = created.client();
            return new ClientWithSecret(c.id().toString(), c.username(), created.secret(), c.description(), c.allowedIps(), c.enabled(),
                    ScopeBody.of(c.scope()), c.qrOrigins(), c.signTotp().name(),
                    "Simpan secret ini sekarang; Teken hanya menyimpan hash-nya dan tidak dapat menampilkannya lagi.");
        }
    }

    /** One entry of the admin audit trail. */
    public record AuditView(Instant at, String actorNip, String action, String clientUsername, String detail) {
    }

    @POST
    @Operation(summary = "Buat aplikasi klien; secret ditampilkan sekali (tanpa scope: tidak dapat menandatangani untuk siapa pun)")
    public Response create(CreateClientRequest body) {
        require(body);
        return Response.status(201).entity(ClientWithSecret.of(clients.create(new ManageSystemClientsUseCase.NewClient(body.username(),
                body.description(), body.allowedIps(), body.enabled(), body.scope() == null ? null : body.scope().toScope(),
                body.qrOrigins(), SystemClient.SignTotp.parse(body.signTotp())), jwt.getSubject()))).build();
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Jejak audit perubahan aplikasi klien (terbaru lebih dulu)")
    public List<AuditView> audit(@jakarta.ws.rs.QueryParam("limit") @jakarta.ws.rs.DefaultValue("100") int limit) {
        return clients.audit(limit).stream().map(e -> new AuditView(e.at(), e.actorNip(), e.action(), e.clientUsername(), e.detail()))
                .toList();
    }

    @GET
    @Operation(summary = "Daftar aplikasi klien (tanpa secret)")
    public List<ClientView> list() {
        return clients.list().stream().map(ClientView::of).toList();
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Ubah deskripsi, daftar IP, atau aktif/nonaktif")
    public ClientView update(@PathParam("id") String id, UpdateClientRequest body) {
        require(body);
        return ClientView.of(clients.update(uuid(id), new ManageSystemClientsUseCase.ClientChanges(body.description(), body.allowedIps(),
                body.enabled(), body.scope() == null ? null : body.scope().toScope(), body.qrOrigins(),
                SystemClient.SignTotp.parse(body.signTotp())), jwt.getSubject()));
    }

    @POST
    @Path("/{id}/secret")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Ganti secret (yang lama langsung tidak berlaku); secret baru ditampilkan sekali")
    public ClientWithSecret rotate(@PathParam("id") String id) {
        return ClientWithSecret.of(clients.rotateSecret(uuid(id), jwt.getSubject()));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new DomainException(ErrorCode.CLIENT_NOT_FOUND, "Aplikasi klien tidak ditemukan.");
        }
    }

    private static void require(Object body) {
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan (JSON) wajib diisi.");
        }
    }
}
