package id.teken.activation.adapter.in.rest;

import id.teken.activation.application.port.out.EmployeeDirectory;
import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import id.teken.kit.problem.Problems;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** activation-service's domain failures as problem+json (the framework's are mapped by the service kit). */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response domain(DomainException e, UriInfo uri) {
        return Problems.refused(e.code().kind(), e.code().name(), e.code().title(), e.getMessage(), e.retryAfter(), uri).build();
    }

    @ServerExceptionMapper
    public Response directoryDown(EmployeeDirectory.DirectoryUnavailable e, UriInfo uri) {
        LOG.warnf("SIASN unavailable: %s", e.getMessage());
        return Problems.unavailable(ErrorCode.DIRECTORY_UNAVAILABLE.name(), ErrorCode.DIRECTORY_UNAVAILABLE.title(),
                "Data kepegawaian tidak dapat diperiksa saat ini. Coba lagi beberapa saat lagi.", uri);
    }

    @ServerExceptionMapper
    public Response faceDown(FaceVerification.Unavailable e, UriInfo uri) {
        LOG.warnf("Face verification unavailable: %s", e.getMessage());
        return Problems.unavailable(ErrorCode.FACE_SERVICE_UNAVAILABLE.name(), ErrorCode.FACE_SERVICE_UNAVAILABLE.title(),
                "Verifikasi wajah tidak dapat dilakukan saat ini. Coba unggah lagi beberapa saat lagi.", uri);
    }
}
