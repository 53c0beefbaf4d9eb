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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
        p.put("/persetujuan/", "persetujuan.html");
        p.put("/tanda-tangan", "tanda-tangan.html");
        p.put("/verify", "verifikasi.html");
        p.put("/verifikator", "verifikator.html");
        p.put("/admin", "admin.html");
        p.put("/verify/", "dokumen.html");
        p.put("/kebijakan-privasi", "kebijakan-privasi.html");
        p.put("/perjanjian-pemilik", "perjanjian-pemilik.html");
        return Map.copyOf(p);
    }

    static final List<String> ASSETS = List.of("portal.css", "portal.js", "masuk.js", "lupa-password.js", "dashboard.js",
            "aktivasi.js", "passphrase.js", "tanda-tangan.js", "verifikasi.js", "verifikator.js", "admin.js", "dokumen.js", "persetujuan.js", "logo.svg");

    private record Asset(Buffer body, String type, String etag) {
    }

    private final Map<String, Asset> files = new LinkedHashMap<>();

    /** The signed-in person's menu (the script hides what their roles do not open). */
    static final String MENU = """

                <nav aria-label="Menu utama">
                  <a href="/dashboard">Sertifikat</a>
                  <a href="/tanda-tangan">Tanda tangan</a>
                  <a href="/verify">Verifikasi</a>
                  <a href="/verifikator" data-role="VERIFIKATOR" class="hidden">Verifikator</a>
                  <a href="/admin" data-role="ADMIN" class="hidden">Admin</a>
                  <button type="button" id="keluar">Keluar</button>
                </nav>""".replace("\n", "\n    ");

    /** A page file's first line: {@code <!-- title: T; script: S.js|-; menu: yes|no; width: narrow|wide -->}. */
    private static final Pattern HEAD = Pattern.compile(
            "<!-- title: ([^;]+); script: ([a-z-]+\\.js|-); menu: (yes|no); width: (narrow|wide) -->\n");

    void install(@Observes Router router) {
        String layout = text(read("layout.html"));
        for (String page : PAGES.values()) {
            files.put(page, asset(page, compose(layout, page, text(read(page))).getBytes(StandardCharsets.UTF_8)));
        }
        for (String asset : ASSETS) {
            files.put("assets/" + asset, load("assets/" + asset));
        }
        // Before the API routes (order -100): exact pages first, then the mailed-link pages by their prefix.
        for (Map.Entry<String, String> e : PAGES.entrySet()) {
            String address = e.getKey();
            if (address.equals("/verify/")) {
                // The page a QR code opens is the portal's for a browser navigating to it; anyone else (curl, Java's
                // HTTP clients, integrators) gets signing-service's JSON. Browsers say so by Sec-Fetch-Dest (Chrome 76+,
                // Firefox 90+, Safari 16.4+) and, older ones too, by asking for XHTML; "text/html" alone is not enough
                // (HttpURLConnection asks for it by default).
                router.getWithRegex("/verify/[A-Za-z0-9_-]{1,200}").order(-200).handler(ctx -> {
                    if (browserNavigation(ctx)) {
                        serve(ctx, e.getValue(), false);
                    } else {
                        ctx.next();
                    }
                });
            } else if (address.length() > 1 && address.endsWith("/")) {
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

    static boolean browserNavigation(RoutingContext ctx) {
        String dest = ctx.request().getHeader("Sec-Fetch-Dest");
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        return "document".equalsIgnoreCase(dest) || (accept != null && accept.contains("application/xhtml+xml"));
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

    /** The layout around one page's main part (the shell of every page is written once, in layout.html). */
    static String compose(String layout, String name, String page) {
        Matcher head = HEAD.matcher(page);
        if (!head.lookingAt()) {
            throw new IllegalStateException("portal page without its head line: " + name);
        }
        String script = head.group(2).equals("-") ? "" : "\n  <script src=\"/assets/" + head.group(2) + "\" defer></script>";
        return layout.replace("{{title}}", head.group(1))
                .replace("{{script}}", script)
                .replace("{{menu}}", head.group(3).equals("yes") ? MENU : "")
                .replace("{{width}}", head.group(4).equals("narrow") ? " class=\"narrow\"" : "")
                .replace("{{body}}", page.substring(head.end()).stripTrailing());
    }

    private static Asset load(String name) {
        return asset(name, read(name));
    }

    private static byte[] read(String name) {
        try (InputStream in = PortalPages.class.getResourceAsStream("/portal/" + name)) {
            if (in == null) {
                throw new IllegalStateException("portal file missing from the build: " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Asset asset(String name, byte[] bytes) {
        String type = name.endsWith(".html") ? "text/html; charset=utf-8"
                : name.endsWith(".css") ? "text/css; charset=utf-8"
                : name.endsWith(".js") ? "text/javascript; charset=utf-8" : "image/svg+xml";
        return new Asset(Buffer.buffer(bytes), type, "\"" + sha256(bytes).substring(0, 16) + "\"");
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
