package id.teken.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** The web portal's files as the gateway serves them: headers, no inline code, a label for every control, no detours. */
@QuarkusTest
@QuarkusTestResource(UpstreamStubResource.class)
class PortalPagesTest {

    static final List<String> PAGES = List.of("/", "/lupa-password", "/lupa-password/Ab3-_x", "/dashboard", "/aktivasi/Zt0k3n",
            "/passphrase/Zt0k3n", "/persetujuan/Zt0k3n", "/tanda-tangan", "/verify", "/verifikator", "/admin", "/kebijakan-privasi", "/perjanjian-pemilik");

    @Test
    void everyPage_isServedWithAStrictPolicy_andNoCaching() {
        for (String page : PAGES) {
            Response r = given().get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.contentType()).as(page).startsWith("text/html");
            String csp = r.header("Content-Security-Policy");
            assertThat(csp).as(page).contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "base-uri 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval", "http:", "*");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Cache-Control")).isEqualTo("no-store");
            assertThat(r.header("Set-Cookie")).isNull();
        }
    }

    @Test
    void pages_holdNoInlineCode_andEveryControlHasALabel() {
        for (String page : PAGES) {
            String html = given().get(page).asString();
            assertThat(html).as(page).doesNotContainPattern("<script(?![^>]*\\bsrc=\"/assets/)")
                    .doesNotContainPattern("\\son[a-z]+\\s*=").doesNotContain("style=").doesNotContain("javascript:")
                    .contains("<html lang=\"id\">").contains("name=\"viewport\"");
            Set<String> labelled = new HashSet<>();
            Matcher label = Pattern.compile("<label[^>]*\\bfor=\"([^\"]+)\"").matcher(html);
            while (label.find()) {
                labelled.add(label.group(1));
            }
            Matcher control = Pattern.compile("<(input|select|textarea)\\b([^>]*)>").matcher(html);
            while (control.find()) {
                String attributes = control.group(2);
                Matcher id = Pattern.compile("\\bid=\"([^\"]+)\"").matcher(attributes);
                boolean wrapped = html.substring(Math.max(0, control.start() - 40), control.start()).contains("<label class=\"check\">");
                assertThat(wrapped || attributes.contains("aria-label=") || (id.find() && labelled.contains(id.group(1))))
                        .as(page + ": a label for " + control.group()).isTrue();
            }
        }
    }

    @Test
    void scripts_neverWriteHtml_norKeepTheTokenInACookieOrTheUrl() throws IOException {
        for (String asset : List.of("portal.js", "masuk.js", "lupa-password.js", "dashboard.js", "aktivasi.js", "passphrase.js",
                "tanda-tangan.js", "verifikasi.js", "verifikator.js", "admin.js", "dokumen.js")) {
            String js = given().get("/assets/" + asset).then().statusCode(200).extract().asString();
            assertThat(js).as(asset).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                    "document.cookie", "localStorage");
            try (InputStream in = getClass().getResourceAsStream("/portal/assets/" + asset)) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(js);
            }
        }
    }

    @Test
    void theQrCodesPage_isThePortalsForABrowser_andTheApisForEveryoneElse() {
        Response browser = given().header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").get("/verify/3f1c9b52-8d0e-4b7a");
        assertThat(browser.statusCode()).isEqualTo(200);
        assertThat(browser.asString()).contains("/assets/dokumen.js");
        assertThat(browser.header("Content-Security-Policy")).contains("script-src 'self'");
        Response navigation = given().header("Sec-Fetch-Dest", "document").header("Accept", "*/*").get("/verify/3f1c9b52-8d0e-4b7a");
        assertThat(navigation.asString()).contains("/assets/dokumen.js");
        for (String accept : new String[]{"application/json", "*/*", "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"}) {
            // Integrators, curl, and Java's HttpURLConnection (whose default asks for text/html) get the API's answer.
            assertThat(given().header("Accept", accept).get("/verify/3f1c9b52-8d0e-4b7a").asString()).as(accept)
                    .doesNotContain("/assets/dokumen.js");
        }
        assertThat(given().header("Accept", "text/html").get("/verify/a%2F..%2Fb").asString()).doesNotContain("dokumen.js");
    }

    @Test
    void assets_carryAnEtag_andAnswer304WhenUnchanged() {
        Response first = given().get("/assets/portal.css");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/css");
        String etag = first.header("ETag");
        assertThat(etag).isNotBlank();
        given().header("If-None-Match", etag).get("/assets/portal.css").then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get("/assets/portal.css").then().statusCode(200);
    }

    @Test
    void unknownFiles_oddTokens_andOtherMethods_areNotPages() {
        for (String path : List.of("/assets/nope.js", "/assets/../application.properties", "/assets/portal.css.map",
                "/aktivasi/", "/aktivasi/a%2F..%2Fb", "/aktivasi/" + "a".repeat(201), "/portal/masuk.html", "/masuk.html",
                "/passphrase/abc/def")) {
            Response r = given().urlEncodingEnabled(false).get(path);
            assertThat(r.statusCode()).as(path).isIn(400, 404);
            assertThat(r.asString()).as(path).doesNotContain("<html");
        }
        Response post = given().contentType("application/json").body("{}").post("/");
        assertThat(post.statusCode()).isIn(404, 405);
        assertThat(post.contentType()).contains("problem+json");
    }
}
