package id.teken.signing.adapter.in.rest;

import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import jakarta.ws.rs.core.MediaType;
import id.teken.kit.problem.ProblemKind;
import id.teken.kit.problem.ProblemStyle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.runtime.configuration.MemorySize;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * BSrE Esign Client error bodies on the compatible routes: {"error": "...", "status_code": n}. Known codes: 2031 wrong
 * passphrase, 2011 not registered; Teken's own: 2032 locked after repeated wrong passphrases (BSrE documents no
 * lockout), 2021 certificate not ISSUE, 2033/2034 sign TOTP wrong / not approved yet, 2035 seal not activated for this
 * client, 2041 unknown seal (idSubscriber). Other failures carry their HTTP status as status_code and "Proses signing gagal : ...".
 */
final class EsignCompat {

    private EsignCompat() {
    }

    static boolean applies(UriInfo uri) {
        if (uri == null) {
            return false;
        }
        String path = "/" + uri.getPath().replaceAll("^/+", "");
        return path.startsWith("/api/sign/") || path.startsWith("/api/v2/") || path.startsWith("/api/user/")
                || path.startsWith("/api/verify/");
    }

    static Response error(DomainException e, UriInfo uri) {
        boolean verify = uri.getPath().contains("verify");
        ErrorCode code = e.code();
        Response r = switch (code) {
            case PASSPHRASE_WRONG -> body(400, 2031, "Passphrase anda salah", e.getMessage());
            case NOT_REGISTERED -> body(400, 2011, "User tidak terdaftar", null);
            case CREDENTIAL_LOCKED -> body(423, 2032, "Sertifikat terkunci karena passphrase salah berulang kali", e.getMessage());
            case CERTIFICATE_NOT_ACTIVE -> body(400, 2021, e.getMessage(), null);
            case TOTP_WRONG -> body(400, 2033, "TOTP anda salah", e.getMessage());
            case TOTP_NOT_APPROVED -> body(400, 2034, "TOTP belum disetujui pemilik sertifikat", e.getMessage());
            case SEAL_NOT_ACTIVATED -> body(400, 2035, "TOTP aktivasi segel belum ada atau sudah berakhir", e.getMessage());
            case SEAL_NOT_FOUND -> body(404, 2041, "Subscriber segel tidak ditemukan", e.getMessage());
            case CLIENT_UNAUTHENTICATED, UNAUTHENTICATED -> body(401, 401, "Unauthorized", e.getMessage());
            case DOCUMENT_NOT_FOUND, DOCUMENT_ALREADY_DOWNLOADED -> body(404, 404, e.getMessage(), null);
            case SIGNING_UNAVAILABLE -> body(503, 503, e.getMessage(), null);
            default -> {
                int status = ProblemKind.of(code.kind()).status();
                yield body(status, status, (verify ? "Proses verifikasi gagal : " : "Proses signing gagal : ") + e.getMessage(), null);
            }
        };
        if (e.retryAfter() != null) {
            return Response.fromResponse(r).header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
        }
        if (code == ErrorCode.CLIENT_UNAUTHENTICATED || code == ErrorCode.UNAUTHENTICATED) {
            return Response.fromResponse(r).header("WWW-Authenticate", "Basic realm=\"teken\"").build();
        }
        return r;
    }

    static Response body(int httpStatus, int statusCode, String error, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("status_code", statusCode);
        if (message != null && !message.equals(error)) {
            body.put("message", message);
        }
        return Response.status(httpStatus).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    /** The framework's failures (no token, malformed body, unknown route) on these routes, in BSrE's shape too. */
    @ApplicationScoped
    static class Style implements ProblemStyle {

        @Override
        public boolean appliesTo(UriInfo uri) {
            return applies(uri);
        }

        @Override
        public Response render(int status, String code, String title, String detail) {
            return status == 401 ? body(401, 401, "Unauthorized", null)
                    : body(status, status, detail == null || detail.startsWith(title) ? title : title + ": " + detail, null);
        }
    }

    /** BSrE's user-status body: 1111 ISSUE, 1110 NOT_REGISTERED, 1112 any other status. */
    static Map<String, Object> status(String status) {
        Map<String, Object> out = new LinkedHashMap<>();
        switch (status) {
            case "ISSUE" -> {
                out.put("status_code", 1111);
                out.put("status", status);
                out.put("message", "User sudah terdaftar dan memiliki sertifikat dengan status ISSUE");
            }
            case "NOT_REGISTERED" -> {
                out.put("status_code", 1110);
                out.put("status", status);
                out.put("message", "User belum terdaftar");
            }
            default -> {
                out.put("status_code", 1112);
                out.put("status", status);
                out.put("message", "User sudah terdaftar dengan status " + status);
            }
        }
        return out;
    }

    static long mb(MemorySize size) {
        return size.asLongValue() / (1024 * 1024);
    }
}
