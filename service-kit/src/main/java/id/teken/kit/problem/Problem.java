package id.teken.kit.problem;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem body with Teken's stable {@code code} and the request id for support. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String code, String instance,
                      String requestId) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String code, String title, String detail, String instance, String requestId) {
        return new Problem("https://teken.id/problems/" + code.toLowerCase().replace('_', '-'), title, status, detail,
                code, instance, requestId);
    }
}
