package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.domain.DomainException;
import id.teken.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** certificate-service's domain failures as problem+json (the framework's are mapped by the service kit). */
public class ProblemMappers {

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return Problems.refused(e.code().kind(), e.code().name(), e.code().title(), e.getMessage(), e.retryAfter(), uri).build();
    }
}
