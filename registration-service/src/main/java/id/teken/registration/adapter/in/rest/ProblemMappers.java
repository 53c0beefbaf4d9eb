package id.teken.registration.adapter.in.rest;

import id.teken.kit.problem.Problems;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** registration-service's domain failures as problem+json (the framework's are mapped by the service kit). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return Problems.refused(e.code().kind(), e.code().name(), e.code().title(), e.getMessage(), e.retryAfter(), uri).build();
    }

    @ServerExceptionMapper
    public Response directoryDown(EmployeeDirectory.DirectoryUnavailable e, UriInfo uri) {
        LOG.warnf("Employee directory unavailable: %s", e.getMessage());
        return Problems.unavailable(ErrorCode.DIRECTORY_UNAVAILABLE.name(), ErrorCode.DIRECTORY_UNAVAILABLE.title(),
                "Data kepegawaian tidak dapat diperiksa saat ini. Coba lagi beberapa saat lagi.", uri);
    }
}
