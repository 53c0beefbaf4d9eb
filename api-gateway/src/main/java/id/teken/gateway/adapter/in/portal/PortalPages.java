package id.teken.gateway.adapter.in.portal;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reference web portal (issue 15), served from the gateway's own origin: static pages and their scripts, read once
 * from the class path, calling only the public JSON API from the browser. Nothing here reads a request body, a token or
 * a cookie: a page behind a mailed link ({@code /aktivasi/{token}}) is the same file for every token, the script reads
 * the token from the address bar and takes it out of the history.
 *
 * <p>Every answer carries a strict Content-Security-Policy (scripts and styles only from this origin, no inline code,
 * no framing), {@code Referrer-Policy: no-referrer} (a link token never leaves in a Referer), no caching of pages.
 */
@ApplicationScoped
public class PortalPages {

    /** Scripts, styles and images only from this origin; camera frames and the signed files as blob: URLs. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "media-src 'self' blob: mediastream:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
            + "base-uri 'none'; object-src 'none'";

    /** Address (exact, or a prefix ending in '/' for a page behind a mailed link) -> page. */
    static final Map<String, String> PAGES = pages();

    private static Map<String, String> pages() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("/", "masuk.html");
        p.put("/lupa-password", "lupa-password.html");
        p.put("/lupa-password/", "password-baru.html");
        p.put("/dashboard", "dashboard.html");
        p.put("/aktivasi/", "aktivasi.html");
        p.put("/passphrase/", "passphrase.html");
        p.put("/tanda-tangan", "tanda-tangan.html");
        p.put("/verify", "verifikasi.html");
        p.put("/verifikator", "verifikator.html");
        p.put("/kebijakan-privasi", "kebijakan-privasi.html");
        p.put("/perjanjian-pemilik", "perjanjian-pemilik.html");
        return Map.copyOf(p);
    }

    static final List<String> ASSETS = List.of("portal.css", "portal.js", "masuk.js", "lupa-password.js", "dashboard.js",
            "aktivasi.js", "passphrase.js", "tanda-tangan.js", "verifikasi.js", "verifikator.js", "logo.svg");

    private record Asset(Buffer body, String type, String etag) {
    }

    private final Map<String, Asset> files = new LinkedHashMap<>();

    void install(@Observes Router router) {
        for (String page : PAGES.values()) {
            files.put(page, load(page));
        }
        for (String asset : ASSETS) {
            files.put("assets/" + asset, load("assets/" + asset));
        }
        // Before the API routes (order -100): exact pages first, then the mailed-link pages by their prefix.
        for (Map.Entry<String, String> e : PAGES.entrySet()) {
            String address = e.getKey();
            if (address.length() > 1 && address.endsWith("/")) {
                router.getWithRegex(java.util.regex.Pattern.quote(address) + "[A-Za-z0-9_-]{1,200}").order(-200)
                        .handler(ctx -> serve(ctx, e.getValue(), false));
            } else {
                router.route(address).order(-200).handler(ctx -> page(ctx, e.getValue()));
            }
        }
        router.getWithRegex("/assets/[a-z-]+\\.(css|js|svg)").order(-200).handler(ctx -> {
            Asset a = files.get(ctx.request().path().substring(1));
            if (a == null) {
                ctx.next();
                return;
            }
            serve(ctx, ctx.request().path().substring(1), true);
        });
    }

    private void page(RoutingContext ctx, String file) {
        HttpMethod m = ctx.request().method();
        if (m != HttpMethod.GET && m != HttpMethod.HEAD) {
            // "/verify" with another method stays the API's (its answer: 405 or 404 in problem+json).
            ctx.next();
            return;
        }
        serve(ctx, file, false);
    }

    private void serve(RoutingContext ctx, String file, boolean cacheable) {
        Asset a = files.get(file);
        HttpServerResponse r = ctx.response();
        r.putHeader("Content-Security-Policy", CSP)
                .putHeader("Referrer-Policy", "no-referrer")
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Cross-Origin-Opener-Policy", "same-origin")
                .putHeader("Permissions-Policy", "camera=(self), microphone=(), geolocation=()")
                .putHeader(HttpHeaders.CACHE_CONTROL, cacheable ? "no-cache" : "no-store")
                .putHeader(HttpHeaders.ETAG, a.etag())
                .putHeader(HttpHeaders.CONTENT_TYPE, a.type());
        if (cacheable && a.etag().equals(ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH))) {
            r.setStatusCode(304).end();
            return;
        }
        if (ctx.request().method() == HttpMethod.HEAD) {
            r.putHeader(HttpHeaders.CONTENT_LENGTH, String.valueOf(a.body().length())).end();
            return;
        }
        r.end(a.body());
    }

    private static Asset load(String name) {
        try (InputStream in = PortalPages.class.getResourceAsStream("/portal/" + name)) {
            if (in == null) {
                throw new IllegalStateException("portal file missing from the build: " + name);
            }
            byte[] bytes = in.readAllBytes();
            String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                    : name.endsWith(".css") ? "text/css; charset=utf-8"
                    : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/svg+xml";
            return new Asset(Buffer.buffer(bytes), type, "\"" + sha256(bytes).substring(0, 16) + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String utf8(Buffer b) {
        return b.toString(StandardCharsets.UTF_8);
    }
}
