package id.teken.activation.adapter.in.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import id.teken.activation.application.port.out.EmployeeDirectory;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import id.teken.kit.outbox.Correlation;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure as application/problem+json with a stable code; never a stack trace, token or selfie. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        Response.ResponseBuilder r = problem(status(e.code().kind()), e.code().name(), e.code().title(), e.getMessage(), uri);
        if (e.retryAfter() != null) {
            r.header("Retry-After", Math.max(1, e.retryAfter().toSeconds()));
        }
        return r.build();
    }

    @ServerExceptionMapper
    public Response directoryDown(EmployeeDirectory.DirectoryUnavailable e, UriInfo uri) {
        LOG.warnf("SIASN unavailable: %s", e.getMessage());
        return problem(503, ErrorCode.DIRECTORY_UNAVAILABLE.name(), ErrorCode.DIRECTORY_UNAVAILABLE.title(),
                "Data kepegawaian tidak dapat diperiksa saat ini. Coba lagi beberapa saat lagi.", uri).header("Retry-After", 30).build();
    }

    @ServerExceptionMapper
    public Response faceDown(FaceVerification.Unavailable e, UriInfo uri) {
        LOG.warnf("Face verification unavailable: %s", e.getMessage());
        return problem(503, ErrorCode.FACE_SERVICE_UNAVAILABLE.name(), ErrorCode.FACE_SERVICE_UNAVAILABLE.title(),
                "Verifikasi wajah tidak dapat dilakukan saat ini. Coba unggah lagi beberapa saat lagi.", uri).header("Retry-After", 30).build();
    }

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return problem(400, ErrorCode.MALFORMED_REQUEST.name(), ErrorCode.MALFORMED_REQUEST.title(),
                "Badan permintaan bukan JSON yang valid atau tipe datanya salah.", uri).build();
    }

    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e, UriInfo uri) {
        return malformed(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthorized(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "FORBIDDEN", "Akses ditolak", "Peran Anda tidak mengizinkan tindakan ini.", uri).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        String code = switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST.name();
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        String title = switch (status) {
            case 404 -> "Tidak ditemukan";
            case 405 -> "Metode tidak diizinkan";
            case 413 -> "Data terlalu besar";
            case 415 -> "Jenis konten tidak didukung";
            default -> status >= 500 ? "Kesalahan server" : "Permintaan tidak valid";
        };
        return problem(status, code, title, title + ".", uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "Unexpected failure on %s", redact(uri.getPath()));
        return problem(500, "INTERNAL_ERROR", "Kesalahan server",
                "Terjadi kesalahan pada server. Sebutkan requestId ini kepada petugas.", uri).build();
    }

    private static Response unauthorized(UriInfo uri) {
        return problem(401, "UNAUTHENTICATED", "Perlu masuk", "Token tidak ada, tidak valid, atau kedaluwarsa.", uri)
                .header("WWW-Authenticate", "Bearer").build();
    }

    static Response.ResponseBuilder problem(int status, String code, String title, String detail, UriInfo uri) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, code, title, detail, uri == null ? null : redact(uri.getPath()), Correlation.current()));
    }

    /** Link tokens (43 base64url characters) never go back out in an error body. */
    static String redact(String path) {
        return path.replaceAll("/[A-Za-z0-9_-]{43}(?=/|$)", "/{token}");
    }

    static int status(ErrorCode.Kind kind) {
        return switch (kind) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case GONE -> 410;
            case TOO_LARGE -> 413;
            case FORBIDDEN -> 403;
            case UNSUPPORTED -> 415;
            case UNPROCESSABLE -> 422;
            case THROTTLED -> 429;
            case UNAVAILABLE -> 503;
        };
    }
}
