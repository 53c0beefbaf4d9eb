package id.teken.gateway.application.port.in;

import id.teken.gateway.domain.Route;
import java.util.Map;

/** The gateway's answer to a request before it is forwarded: go on to the route's upstream, or a refusal. */
public sealed interface Admission {

    /** The route template metrics name the request with (never the raw path, which may carry a token). */
    String routeTemplate();

    /** Forward to the route's upstream; a system client goes on as the identity in {@code clientAssertion}, else null. */
    record Forward(Route route, String clientAssertion) implements Admission {
        @Override
        public String routeTemplate() {
            return route.prefix() + "/*";
        }
    }

    /** Refused here with a stable code; {@code bsreShape} for BSrE's body on the compatible routes. */
    record Refusal(String routeTemplate, int status, String code, String title, String detail, Map<String, String> headers,
                   boolean bsreShape) implements Admission {

        public static Refusal of(String routeTemplate, int status, String code, String title, String detail) {
            return new Refusal(routeTemplate, status, code, title, detail, Map.of(), false);
        }

        public Refusal with(String header, String value) {
            Map<String, String> more = new java.util.LinkedHashMap<>(headers);
            more.put(header, value);
            return new Refusal(routeTemplate, status, code, title, detail, Map.copyOf(more), bsreShape);
        }
    }
}
