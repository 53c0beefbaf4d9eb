package id.teken.registration.adapter.in.rest;

import id.teken.registration.application.port.in.LogInCommand;
import id.teken.registration.application.port.in.LogInUseCase;
import id.teken.registration.application.port.in.RequestPasswordResetUseCase;
import id.teken.registration.application.port.in.ResetPasswordUseCase;
import id.teken.registration.application.port.in.RevokeAccessTokenUseCase;
import jakarta.annotation.security.RolesAllowed;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nip;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Set;

/** Login and "Lupa Password" (open routes). */
@Path("/api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Akun", description = "Masuk dengan NIP dan password; Lupa Password")
public class AuthResource {


    @Inject
    LogInUseCase logIn;

    @Inject
    RequestPasswordResetUseCase requestReset;

    @Inject
    ResetPasswordUseCase resetPassword;

    @Inject
    RevokeAccessTokenUseCase revokeToken;

    @Inject
    JsonWebToken jwt;

    /** Body of POST /login. */
    public record LoginRequest(String nip, String password) {
    }

    /** A bearer token for the API. */
    public record LoginResponse(String accessToken, String tokenType, long expiresIn, Instant expiresAt, Set<String> roles) {
    }

    /** Body of POST /password-reset. */
    public record PasswordResetRequest(String nip) {
    }

    /** Body of POST /password-reset/{token}. */
    public record NewPasswordRequest(String newPassword) {
    }

    /** A message for a person. */
    public record MessageResponse(String message) {
    }

    @POST
    @Path("/login")
    @Operation(summary = "Masuk dengan NIP dan password; menghasilkan bearer JWT (RS256) berumur pendek")
    public LoginResponse login(LoginRequest request, @Context HttpServerRequest http) {
        require(request);
        LogInUseCase.LoginResult result = logIn.logIn(LogInCommand.of(request.nip(), request.password(), clientAddress(http)));
        return new LoginResponse(result.accessToken(), "Bearer",
                Math.max(0, result.expiresAt().getEpochSecond() - Instant.now().getEpochSecond()), result.expiresAt(),
                result.roles());
    }

    @POST
    @Path("/logout")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed("ASN")
    @SecurityRequirement(name = "jwt")
    @Operation(summary = "Keluar: mencabut token ini sebelum kedaluwarsa; setiap layanan menolaknya sesudahnya (204)")
    public Response logout() {
        revoke(revokeToken, jwt);
        return Response.noContent().build();
    }

    /** Revokes the caller's own token (its id, owner and expiry from the verified JWT). */
    static void revoke(RevokeAccessTokenUseCase revokeToken, JsonWebToken token) {
        revokeToken.revoke(new RevokeAccessTokenUseCase.RevokeCommand(token.getTokenID(), Nip.of(token.getSubject()),
                Instant.ofEpochSecond(token.getExpirationTime())));
    }

    @POST
    @Path("/password-reset")
    @Operation(summary = "Lupa Password: mengirim tautan atur-password ke Email SIASN (selalu 202)")
    public Response requestPasswordReset(PasswordResetRequest request) {
        require(request);
        requestReset.requestPasswordReset(Nip.of(request.nip()));
        return Response.accepted(new MessageResponse("Jika NIP terdaftar, tautan untuk mengatur password telah "
                + "dikirim ke Email SIASN Anda. Periksa kotak masuk Anda.")).build();
    }

    @POST
    @Path("/password-reset/{token}")
    @Operation(summary = "Mengatur password baru dengan tautan dari email; mengaktifkan akun")
    public MessageResponse resetPassword(@PathParam("token") String token, NewPasswordRequest request) {
        require(request);
        resetPassword.resetPassword(new ResetPasswordUseCase.ResetPasswordCommand(token,
                request.newPassword() == null ? null : request.newPassword().toCharArray()));
        return new MessageResponse("Password berhasil diatur. Silakan masuk dengan NIP dan password baru Anda.");
    }

    static void require(Object body) {
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan (JSON) wajib diisi.");
        }
    }

    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
