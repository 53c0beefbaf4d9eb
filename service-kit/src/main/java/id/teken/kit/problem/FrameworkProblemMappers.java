package id.teken.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The failures that do not come from a service's domain (malformed JSON, no or a bad token, a wrong role, an unknown
 * route or media type, anything unexpected) as the same problem+json in every service. A service maps its own
 * {@code DomainException} next to this with {@link Problems#refused}.
 */
public class FrameworkProblemMappers {

    private static final Logger LOG = Logger.getLogger(FrameworkProblemMappers.class);

    /** Looked up by {@link Problems} for every failure; injected here so that Quarkus keeps a service's style bean. */
    @Inject
    Instance<ProblemStyle> styles;

    @ServerExceptionMapper
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        return Problems.problem(400, "MALFORMED_REQUEST", "Format permintaan tidak valid",
                "Badan permintaan bukan JSON yang valid atau tipe datanya salah.", uri).build();
    }

    /** More specific than Quarkus's own mapper for this type, which answers with an empty body. */
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
        return Problems.problem(403, "FORBIDDEN", "Akses ditolak", "Peran Anda tidak mengizinkan tindakan ini.", uri).build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        String code = switch (status) {
            case 400 -> "MALFORMED_REQUEST";
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
            case 406 -> "Format jawaban tidak tersedia";
            case 413 -> "Data terlalu besar";
            case 415 -> "Jenis konten tidak didukung";
            default -> status >= 500 ? "Kesalahan server" : "Permintaan tidak valid";
        };
        String detail = switch (status) {
            case 404 -> "Alamat yang diminta tidak ada.";
            case 415 -> "Jenis konten permintaan tidak didukung di alamat ini.";
            default -> title + ".";
        };
        return Problems.problem(status, code, title, detail, uri).build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Problems.logUnexpected(LOG, uri.getPath(), e);
        return Problems.problem(500, "INTERNAL_ERROR", "Kesalahan server",
                "Terjadi kesalahan pada server. Sebutkan requestId ini kepada petugas.", uri).build();
    }

    private static Response unauthorized(UriInfo uri) {
        return Problems.problem(401, "UNAUTHENTICATED", "Perlu masuk",
                "Token tidak ada, tidak valid, atau kedaluwarsa. Silakan masuk kembali.", uri)
                .header("WWW-Authenticate", "Bearer").build();
    }
}
