package id.teken.kit.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.ManagementInterface;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The operator's check of the audit trail, on the management port only (never published): {@code GET /q/audit-chain}
 * walks the chain and its time-stamps and answers 200 when it holds, 409 naming the first broken entry when it does not;
 * {@code POST /q/audit-chain/anchor} time-stamps the head now. {@code ./teken audit} calls it for every service.
 */
@ApplicationScoped
public class AuditRoutes {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditChain chain;

    @Inject
    AuditAnchors anchors;

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.management.root-path", defaultValue = "/q")
    String root;

    void install(@Observes ManagementInterface management) {
        String base = (root.endsWith("/") ? root.substring(0, root.length() - 1) : root) + "/audit-chain";
        management.router().get(base).blockingHandler(ctx -> {
            AuditChain.Verification v = chain.verify();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("intact", v.intact());
            body.put("entries", v.entries());
            body.put("headSeq", v.headSeq());
            body.put("headHash", v.headHash());
            body.put("anchors", v.anchors());
            if (!v.intact()) {
                body.put("firstBrokenSeq", v.firstBrokenSeq());
                body.put("reason", v.reason());
            }
            write(ctx, v.intact() ? 200 : 409, body);
        });
        management.router().post(base + "/anchor").blockingHandler(ctx -> {
            try {
                write(ctx, 200, Map.of("anchoredSeq", anchors.anchorHead().map(Object.class::cast).orElse("nothing new")));
            } catch (IllegalStateException e) {
                write(ctx, 503, Map.of("error", e.getMessage()));
            }
        });
    }

    private static void write(io.vertx.ext.web.RoutingContext ctx, int status, Map<String, Object> body) {
        try {
            ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .end(JSON.writeValueAsString(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.response().setStatusCode(500).end();
        }
    }
}
