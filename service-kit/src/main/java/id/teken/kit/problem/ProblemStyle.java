package id.teken.kit.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/**
 * Another error shape for some routes (signing-service's BSrE-compatible routes answer in BSrE's shape): a service
 * that has such routes provides one bean; every failure on those routes is rendered by it instead of problem+json.
 */
public interface ProblemStyle {

    boolean appliesTo(UriInfo uri);

    Response render(int status, String code, String title, String detail);
}
