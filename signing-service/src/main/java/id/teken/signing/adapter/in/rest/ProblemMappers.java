package id.teken.signing.adapter.in.rest;

import id.teken.kit.problem.Problems;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * signing-service's domain failures as problem+json, or in BSrE's shape on the compatible routes (the framework's
 * failures are mapped by the service kit, through {@link EsignCompat.Style} on those routes).
 */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        if (EsignCompat.applies(uri)) {
            return EsignCompat.error(e, uri);
        }
        if (Csc.applies(uri)) {
            return Csc.error(e);
        }
        Response.ResponseBuilder r = Problems.refused(e.code().kind(), e.code().name(), e.code().title(), e.getMessage(),
                e.retryAfter(), uri);
        if (e.code() == ErrorCode.CLIENT_UNAUTHENTICATED) {
            r.header("WWW-Authenticate", "Basic realm=\"teken\"");
        } else if (e.code() == ErrorCode.UNAUTHENTICATED) {
            r.header("WWW-Authenticate", "Bearer");
        }
        return r.build();
    }
}
