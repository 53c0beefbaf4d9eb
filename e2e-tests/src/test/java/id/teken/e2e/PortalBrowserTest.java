package id.teken.e2e;

import id.teken.devstack.MailInbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web portal in a real browser (Debian's Chromium through chromedriver, both by path, nothing downloaded): the seed's
 * whole journey without a terminal, reading the real mails. Lupa Password, Masuk, Verifikasi NIK and Registrasi with the
 * "Iya" confirmation, Aktivasi at the mailed link with a camera selfie (Chromium's fake camera plays a frame made from
 * the demo selfie), the Verifikator TTE's approval in the console, the passphrase at the mailed link, a visible signature,
 * its download, the verification page, Reset Passphrase. Screenshots of every page at phone (360 px) and desktop width go
 * to target/portal-screenshots; a failing test keeps its last screen there too.
 *
 * <p>Against the packaged stack (PackagedStack), or a running one: {@code -Dteken.portal.gateway=http://localhost:8080
 * -Dteken.portal.mail=http://localhost:18025}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalBrowserTest {

    /** The person walked: Dewi Lestari of the demo data, or "nip,nik,emailSiasn,nama" in teken.portal.asn. */
    static final String[] PERSON = System.getProperty("teken.portal.asn",
            "199511052022022001,3502154511950003,dewi.lestari@example.com,Dewi Lestari").split(",");
    static final String ASN = PERSON[0];
    static final String ASN_NIK = PERSON[1];
    static final String ASN_SIASN = PERSON[2];
    static final String ASN_NAME = PERSON[3];
    static final String VERIFIER_SIASN = "agus.prasetyo@example.com";
    static final String PASSWORD = "Portal#Teken2026";
    static final String PASSPHRASE = "Merah-Putih#1945";
    static final String NEW_PASSPHRASE = "Garuda-Pancasila#45";
    static final Path SHOTS = Path.of("target/portal-screenshots");

    PackagedStack services;
    String gateway;
    MailInbox mail;
    WebDriver browser;
    Path downloads;
    WebDriverWait wait;
    boolean wrongPasswordSeen;

    @RegisterExtension
    final TestWatcher keepLastScreen = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            shot("FAILED-" + context.getRequiredTestMethod().getName());
        }
    };

    @BeforeAll
    void start() throws Exception {
        String given = System.getProperty("teken.portal.gateway");
        if (given != null && !given.isBlank()) {
            gateway = given.replaceAll("/+$", "");
            mail = new MailInbox(System.getProperty("teken.portal.mail", "http://localhost:18025"));
        } else {
            services = PackagedStack.start("portal", Map.of());
            gateway = services.gateway();
            mail = new MailInbox(services.stack.mailApiUrl());
        }
        Files.createDirectories(SHOTS);
        downloads = Files.createTempDirectory("teken-portal-downloads");
        Path camera = fakeCamera(Path.of("../demo/selfie-demo.jpg").toAbsolutePath().normalize(), Files.createTempFile("selfie", ".y4m"));
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,900",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", "--use-file-for-fake-video-capture=" + camera,
                "--lang=id-ID");
        Map<String, Object> prefs = new HashMap<>();
        prefs.put("download.default_directory", downloads.toString());
        prefs.put("download.prompt_for_download", false);
        options.setExperimentalOption("prefs", prefs);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort().build();
        browser = new ChromeDriver(driver, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(40));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (services != null) {
            services.stop();
        }
    }

    @Test
    void aPerson_walksTheWholeJourney_inTheBrowser() throws Exception {
        // Lupa Password (first time: the account has no password yet), then Masuk.
        setPassword(ASN, ASN_SIASN, "asn");
        signIn(ASN, PASSWORD);
        waitText(By.id("status"), "NOT_REGISTERED");
        shots("dashboard-not-registered");

        // Verifikasi NIK, then Registrasi Sertifikat with the "Iya" confirmation.
        String dinas = ASN_SIASN.replaceAll("@.*", "") + "." + System.currentTimeMillis() + "@ponorogo.go.id";
        type("nik", ASN_NIK.substring(0, 15) + (ASN_NIK.endsWith("9") ? "8" : "9"));
        click("tombol-nik");
        waitText(By.id("hasil-nik"), "");
        assertThat(browser.findElement(By.id("hasil-nik")).getAttribute("class")).contains("bad");
        assertThat(browser.findElement(By.id("form-registrasi")).getAttribute("class")).contains("hidden");
        type("nik", ASN_NIK);
        click("tombol-nik");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-registrasi")));
        assertThat(value("email-siasn")).isEqualTo(ASN_SIASN);
        type("email-dinas-baru", "joko@gmail.com");
        click("tombol-registrasi");
        click("konfirmasi-iya");
        waitNotice("bad");
        assertThat(text("pesan")).contains("@ponorogo.go.id");
        int before = mail.messages(dinas).size();
        type("email-dinas-baru", dinas);
        click("tombol-registrasi");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("konfirmasi")));
        shots("dashboard-confirmation");
        click("konfirmasi-iya");
        waitNotice("ok");
        waitText(By.id("status"), "NEW");
        shots("dashboard-registered");

        // Aktivasi at the mailed link: identity, Data Kedinasan with Cek NIP/NRP, the camera selfie, consents.
        browser.get(awaitLink(dinas, "/aktivasi/", before));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-IDENTITY")));
        shots("aktivasi-identitas");
        type("nama-lengkap", ASN_NAME);
        type("nik", ASN_NIK);
        type("telepon", "081234567890");
        click("simpan-identitas");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-EMPLOYMENT")));
        assertThat(value("instansi")).isNotBlank();
        type("nip-nrp", ASN.substring(0, 16) + "99");
        click("cek-nip");
        waitNotice("bad");
        assertThat(text("pesan")).contains("NIP/NRP tidak ditemukan");
        type("nip-nrp", ASN);
        click("cek-nip");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hasil-siasn")));
        assertThat(text("siasn-jabatan")).isNotBlank().isNotEqualTo("-");
        shots("aktivasi-kedinasan");
        click("simpan-kedinasan");
        takeSelfie(true);
        assertThat(text("teks-pp")).contains("Passphrase");
        click("kirim-aktivasi");
        waitNotice("bad");
        agreeAndSubmit("aktivasi");
        String outcome = text("selesai-judul");
        assertThat(outcome).isIn("Aktivasi Berhasil", "Menunggu verifikasi");

        // The Verifikator TTE approves in the console (when the checks asked for a person).
        int beforePassphrase = mail.messages(dinas).size();
        if (outcome.equals("Menunggu verifikasi")) {
            signOut();
            setPassword(PackagedStack.VERIFIER, VERIFIER_SIASN, "verifier");
            signIn(PackagedStack.VERIFIER, PASSWORD);
            approveInConsole(ASN, "verifikator");
            signOut();
        }

        // The passphrase at the mailed link: the policy as one types, the agreement; the certificate issued.
        browser.get(awaitLink(dinas, "/passphrase/", beforePassphrase));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-passphrase")));
        type("passphrase", "pendek");
        assertThat(browser.findElements(By.cssSelector("#aturan li.met"))).hasSizeLessThan(5);
        assertThat(browser.findElement(By.id("simpan-passphrase")).isEnabled()).isFalse();
        type("passphrase", PASSPHRASE);
        type("passphrase-ulang", PASSPHRASE);
        assertThat(browser.findElements(By.cssSelector("#aturan li.met"))).hasSize(5);
        assertThat(browser.findElement(By.id("simpan-passphrase")).isEnabled()).isFalse();
        click("setuju");
        shots("passphrase");
        click("simpan-passphrase");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("berhasil")));
        assertThat(text("berhasil-teks")).contains("ISSUE");
        shots("passphrase-berhasil");

        // Dashboard: ISSUE with validity; sign a letter visibly (QR code at the '#' marker); a wrong passphrase said plainly.
        signIn(ASN, PASSWORD);
        waitText(By.id("status"), "ISSUE");
        assertThat(text("berlaku-sampai")).contains("WIB");
        shots("dashboard-issue");
        browser.get(gateway + "/tanda-tangan");
        Path letter = Path.of("../demo/surat-demo.pdf").toAbsolutePath().normalize();
        browser.findElement(By.id("berkas")).sendKeys(letter.toString());
        click("tampilan-terlihat");
        // Placement by a click on the rendered page (POST /api/v1/signatures/preview), then checked in the signed file.
        WebElement pageImage = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("gambar-halaman")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "const i = document.getElementById('gambar-halaman'); return i.complete && i.naturalWidth > 0"));
        // A quarter of the page's width from its left edge and 70 % of its height down, in the window's coordinates.
        @SuppressWarnings("unchecked")
        Map<String, Object> target = (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "const i = document.getElementById('gambar-halaman'); i.scrollIntoView({block: 'end'});"
                        + "const r = i.getBoundingClientRect(); return {x: Math.round(r.left + r.width / 4), y: Math.round(r.top + r.height * 0.7)};");
        new org.openqa.selenium.interactions.Actions(browser).moveToLocation(((Number) target.get("x")).intValue(),
                ((Number) target.get("y")).intValue()).click().perform();
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("halaman 1, (\\d+) pt dari kiri dan (\\d+) pt dari atas")
                .matcher(wait.until(d -> {
                    String t = d.findElement(By.id("posisi")).getText();
                    return t.contains("pt dari kiri") ? t : null;
                }));
        assertThat(at.find()).isTrue();
        int originX = Integer.parseInt(at.group(1)), originY = Integer.parseInt(at.group(2));
        assertThat(originX).isBetween(130, 170);   // a quarter of 595 pt
        assertThat(originY).isBetween(570, 610);   // 70 % of 842 pt
        type("passphrase", "Salah#Sekali9");
        click("tombol-tte");
        waitNotice("bad");
        assertThat(text("pesan")).containsIgnoringCase("passphrase");
        type("passphrase", PASSPHRASE);
        shots("tanda-tangan");
        click("tombol-tte");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hasil")));
        assertThat(text("hasil-teks")).contains("PAdES");
        java.util.regex.Matcher doc = java.util.regex.Pattern.compile("Nomor dokumen ([A-Za-z0-9-]+)").matcher(text("hasil-teks"));
        assertThat(doc.find()).isTrue();
        String documentId = doc.group(1);
        click("unduh");
        Path signed = awaitDownload("surat-demo_signed.pdf");
        assertThat(Files.readAllBytes(signed)).startsWith("%PDF".getBytes(StandardCharsets.US_ASCII));
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(signed.toFile())) {
            var widget = pdf.getSignatureFields().get(0).getWidgets().get(0);
            var rect = widget.getRectangle();
            float pageHeight = pdf.getPage(0).getMediaBox().getHeight();
            assertThat(rect.getLowerLeftX()).isCloseTo(originX, org.assertj.core.data.Offset.offset(1.5f));
            assertThat(pageHeight - rect.getUpperRightY()).isCloseTo(originY, org.assertj.core.data.Offset.offset(1.5f));
            assertThat(rect.getWidth()).isCloseTo(220, org.assertj.core.data.Offset.offset(1.5f));
        }
        shots("tanda-tangan-hasil");

        // A batch: two PDFs, invisible, one passphrase entry, a ZIP with both and the manifest.
        Path second = Files.copy(letter, Files.createTempDirectory("lampiran").resolve("lampiran.pdf"));
        browser.get(gateway + "/tanda-tangan");
        browser.findElement(By.id("berkas")).sendKeys(letter + "\n" + second);
        waitText(By.id("daftar-berkas"), "2 berkas: surat-demo.pdf, lampiran.pdf");
        type("passphrase", PASSPHRASE);
        click("tombol-tte");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hasil")));
        click("unduh");
        Path zip = awaitDownload("dokumen_signed.zip");
        List<String> entries = new java.util.ArrayList<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertThat(entries).containsExactly("1-surat-demo_signed.pdf", "2-lampiran_signed.pdf", "manifest.json");

        // Verifikasi: anyone uploads the signed file.
        signOut();
        browser.get(gateway + "/verify");
        browser.findElement(By.id("berkas")).sendKeys(signed.toString());
        click("tombol-verifikasi");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hasil")));
        assertThat(text("hasil-judul")).isEqualTo("Dokumen valid");
        assertThat(text("hasil-tanda-tangan")).contains(ASN_NAME).contains("Valid");
        shots("verifikasi");

        // The page the QR code opens: what Teken recorded, and the received file compared with it.
        browser.get(gateway + "/verify/" + documentId);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("dokumen")));
        assertThat(text("dok-penanda")).isEqualTo(ASN_NAME);
        browser.findElement(By.id("berkas")).sendKeys(signed.toString());
        click("tombol-cocok");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("hasil")));
        assertThat(text("hasil-judul")).isEqualTo("Dokumen valid");
        assertThat(text("hasil-sama")).contains("sama persis");
        browser.findElement(By.id("berkas")).sendKeys(letter.toString());
        click("tombol-cocok");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hasil-sama"), "bukan salinan persis"));
        shots("verifikasi-kode-qr");
        browser.get(gateway + "/verify/00000000-0000-0000-0000-000000000000");
        waitNotice("bad");
        assertThat(text("pesan")).contains("Dokumen tidak ditemukan");

        // Reset Passphrase from the dashboard with its confirmation; the new passphrase at the mailed link.
        signIn(ASN, PASSWORD);
        waitText(By.id("status"), "ISSUE");
        int beforeReset = mail.messages(dinas).size();
        click("tombol-reset");
        click("konfirmasi-iya");
        waitNotice("ok");
        browser.get(awaitLink(dinas, "/passphrase/", beforeReset));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-passphrase")));
        assertThat(text("judul")).isEqualTo("Reset Passphrase");
        type("passphrase", NEW_PASSPHRASE);
        type("passphrase-ulang", NEW_PASSPHRASE);
        click("setuju");
        click("simpan-passphrase");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("berhasil")));
        // The used link, opened again, is explained.
        browser.navigate().refresh();
        waitNotice("bad");
        assertThat(text("pesan")).contains("Tautan");
        shots("passphrase-tautan-terpakai");

        // Admin: a system client, its secret shown once, then disabled and given a new secret.
        signOut();
        setPassword(PackagedStack.ADMIN, "rina.wulandari@example.com", "admin");
        signIn(PackagedStack.ADMIN, PASSWORD);
        browser.get(gateway + "/admin");
        String client = "persuratan-" + (System.currentTimeMillis() % 100000);
        type("klien-nama", client);
        type("klien-keterangan", "Aplikasi persuratan (uji peramban)");
        type("klien-ip", "10.20.0.0/16\n127.0.0.1");
        type("klien-unit", "Dinas Pendidikan");
        click("buat-klien");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rahasia")));
        String secret = value("rahasia-nilai");
        assertThat(secret).hasSizeGreaterThanOrEqualTo(32);
        shots("admin-secret");
        click("tutup-rahasia");
        assertThat(value("rahasia-nilai")).isEmpty();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#klien tbody"), client));
        assertThat(browser.findElement(By.cssSelector("#klien tbody")).getText()).doesNotContain(secret).contains("Dinas Pendidikan");
        WebElement row = browser.findElements(By.cssSelector("#klien tbody tr")).stream()
                .filter(r -> r.getText().contains(client)).findFirst().orElseThrow();
        row.findElement(By.xpath(".//button[text()='Nonaktifkan']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pesan"), "dinonaktifkan"));
        wait.until(d -> d.findElements(By.cssSelector("#klien tbody tr")).stream()
                .anyMatch(r -> r.getText().contains(client) && r.getText().contains("Nonaktif")));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElements(By.cssSelector("#klien tbody tr")).stream().filter(r -> r.getText().contains(client)).findFirst()
                    .orElseThrow().findElement(By.xpath(".//button[text()='Secret baru']")).click();
            return true;
        });
        click("konfirmasi-iya");
        wait.until(d -> !d.findElement(By.id("rahasia-nilai")).getAttribute("value").isEmpty());
        assertThat(value("rahasia-nilai")).isNotEqualTo(secret);
        click("tutup-rahasia");
        click("muat-audit");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#audit tbody"), client));
        shots("admin");

        // Admin: a seal (segel elektronik) for a unit, listed with its idSubscriber and status, then revoked.
        String unit = "Dinas Uji Segel " + (System.currentTimeMillis() % 100000);
        type("segel-unit", unit);
        type("segel-email", "segel.uji@ponorogo.go.id");
        click("buat-segel");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pesan"), "idSubscriber SEGEL-"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#segel tbody"), unit));
        WebElement sealRow = browser.findElements(By.cssSelector("#segel tbody tr")).stream()
                .filter(r -> r.getText().contains(unit)).findFirst().orElseThrow();
        assertThat(sealRow.getText()).contains("SEGEL-").contains("ISSUE").contains("segel.uji@ponorogo.go.id");
        String sealId = sealRow.getText().replaceAll("(?s).*(SEGEL-[0-9A-Z]{16}).*", "$1");
        shots("admin-segel");
        sealRow.findElement(By.xpath(".//button[text()='Cabut']")).click();
        click("konfirmasi-iya");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pesan"), "dicabut"));
        wait.until(d -> d.findElements(By.cssSelector("#segel tbody tr")).stream()
                .anyMatch(r -> r.getText().contains(unit) && r.getText().contains("REVOKE")));
        // The unit's seal again, after the revocation: a new certificate under the same idSubscriber.
        type("segel-unit", unit);
        type("segel-email", "segel.baru@ponorogo.go.id");
        click("buat-segel");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("pesan"), sealId));
        wait.until(d -> d.findElements(By.cssSelector("#segel tbody tr")).stream()
                .anyMatch(r -> r.getText().contains(sealId) && r.getText().contains("ISSUE") && r.getText().contains("segel.baru@")));
        // While it is active, the same unit cannot get another; the refusal is explained on the page.
        type("segel-unit", unit.toUpperCase());
        type("segel-email", "segel.lain@ponorogo.go.id");
        click("buat-segel");
        waitNotice("bad");
        assertThat(text("pesan")).contains("sudah memiliki segel");

        // BSrE's sign TOTP: a system client asks to sign for the ASN; she approves at the mailed link with her passphrase
        // (the page), and the client signs with the mailed code.
        String arsip = "arsip-" + (System.currentTimeMillis() % 100000);
        type("klien-nama", arsip);
        type("klien-keterangan", "Aplikasi arsip (uji TOTP)");
        type("klien-ip", "127.0.0.1");
        type("klien-unit", "Dinas Pendidikan");
        click("buat-klien");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rahasia")));
        // The secret shown is the new client's (the dialog names it), not one left from an earlier step.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rahasia-nama"), arsip));
        wait.until(d -> !d.findElement(By.id("rahasia-nilai")).getAttribute("value").isEmpty());
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString((arsip + ":" + value("rahasia-nilai"))
                .getBytes(StandardCharsets.UTF_8));
        click("tutup-rahasia");
        signOut();
        int beforeTotp = mail.messages(dinas).size();
        HttpResponse<String> asked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/v2/sign/get/totp"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + ASN_NIK + "\",\"data\":1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(200);
        browser.get(awaitLink(dinas, "/persetujuan/", beforeTotp));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-persetujuan")));
        assertThat(text("ps-aplikasi")).isEqualTo(arsip);
        assertThat(text("ps-jumlah")).isEqualTo("1");
        type("passphrase", "Salah#Sekali9");
        click("setujui");
        waitNotice("bad");
        shots("persetujuan");
        type("passphrase", NEW_PASSPHRASE);
        click("setujui");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("disetujui")));
        assertThat(text("disetujui-teks")).contains(arsip);
        shots("persetujuan-disetujui");
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("Kode TOTP: ([0-9]{6})").matcher(mail.messages(dinas).stream()
                .filter(m -> m.link("/persetujuan/").isPresent()).reduce((a, b) -> b).orElseThrow().text());
        assertThat(code.find()).isTrue();
        String letterB64 = java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(letter));
        HttpResponse<String> byCode = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/v2/sign/pdf"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nik\":\"" + ASN_NIK + "\",\"totp\":\"" + code.group(1) + "\",\"file\":[\""
                        + letterB64 + "\"]}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(byCode.statusCode()).as(byCode.body().substring(0, Math.min(300, byCode.body().length()))).isEqualTo(200);
        assertThat(byCode.body()).contains("\"file\":[\"JVBER");
    }

    @Test
    void contractStaff_outsideTheExport_areEnrolledByAVerifier_andWalkTheirJourney_inTheBrowser() throws Exception {
        // Pihak lain: the verifier enrols Rudi Hartono, known to the civil registry's extract only, from the console.
        setPassword(PackagedStack.VERIFIER, VERIFIER_SIASN, "verifier");
        signIn(PackagedStack.VERIFIER, PASSWORD);
        browser.get(gateway + "/verifikator");
        String rudiDinas = "rudi.hartono." + System.currentTimeMillis() + "@ponorogo.go.id";
        java.time.LocalDate contractEnd = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Jakarta")).plusDays(180);
        click("kontrak-tanpa-nip");
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("kontrak-nip")));
        type("kontrak-nik", "3502121408960009");
        type("kontrak-nama", "Rudi Hartono");
        type("kontrak-unit", "Sekretariat Daerah - Bagian Umum");
        type("kontrak-email", rudiDinas);
        type("kontrak-nomor", "800/12/PKWT/2026");
        ((JavascriptExecutor) browser).executeScript("document.getElementById('kontrak-akhir').value = arguments[0]",
                contractEnd.toString());
        shots("verifikator-pihak-lain-isi");
        String before = text("pesan");
        click("daftarkan-kontrak");
        click("konfirmasi-iya");
        wait.until(d -> !d.findElement(By.id("pesan")).getText().isBlank() && !d.findElement(By.id("pesan")).getText().equals(before));
        String enrolled = text("pesan");
        shots("verifikator-pihak-lain");
        org.junit.jupiter.api.Assumptions.assumeTrue(services != null || enrolled.contains("Tenaga kontrak terdaftar"),
                "a running stack where Rudi Hartono was enrolled before");
        java.util.regex.Matcher number = java.util.regex.Pattern.compile("Nomor akunnya ([0-9]{18})").matcher(enrolled);
        assertThat(number.find()).as(enrolled).isTrue();
        String rudi = number.group(1);
        assertThat(rudi).startsWith("19960814").endsWith("1999");

        // His mail: the number and a link to make a password; he signs in with the number and sees who does what next.
        String passwordLink = awaitLink(rudiDinas, "/lupa-password/", 0);
        assertThat(mail.messages(rudiDinas).stream().anyMatch(m -> m.subject().contains("Nomor Akun") && m.text().contains(rudi))).isTrue();
        signOut();
        browser.get(passwordLink);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-password")));
        type("password-baru", PASSWORD);
        type("password-ulang", PASSWORD);
        click("tombol-simpan");
        waitNotice("ok");
        signIn(rudi, PASSWORD);
        waitText(By.id("status"), "NEW");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("langkah"), "Verifikator TTE"));
        assertThat(text("profil-nama")).isEqualTo("Rudi Hartono");
        assertThat(browser.findElement(By.id("daftar")).isDisplayed()).as("no self-registration for contract staff").isFalse();
        shots("dashboard-pihak-lain");

        // Aktivasi at the mailed link with category Lainnya: always for the verifier.
        browser.get(awaitLink(rudiDinas, "/aktivasi/", 0));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-IDENTITY")));
        type("nama-lengkap", "Rudi Hartono");
        type("nik", "3502121408960009");
        type("telepon", "081298765432");
        click("simpan-identitas");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-EMPLOYMENT")));
        click("kategori-lainnya");
        type("unit", "Sekretariat Daerah - Bagian Umum");
        type("jabatan", "Tenaga Kontrak Administrasi");
        shots("pihak-lain-kedinasan");
        click("simpan-kedinasan");
        takeSelfie(false);
        agreeAndSubmit("pihak-lain-aktivasi");
        assertThat(text("selesai-judul")).isEqualTo("Menunggu verifikasi");

        // The verifier approves; his passphrase at the mailed link; the certificate ends with the contract.
        signOut();
        signIn(PackagedStack.VERIFIER, PASSWORD);
        approveInConsole(rudi, "verifikator-pihak-lain");
        assertThat(text("rincian")).contains("LAINNYA").contains("Kontrak berakhir").contains("Tenaga kontrak: periksa kontrak");
        signOut();
        browser.get(awaitLink(rudiDinas, "/passphrase/", 0));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-passphrase")));
        type("passphrase", PASSPHRASE);
        type("passphrase-ulang", PASSPHRASE);
        click("setuju");
        click("simpan-passphrase");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("berhasil")));
        signIn(rudi, PASSWORD);
        waitText(By.id("status"), "ISSUE");
        shots("dashboard-pihak-lain-issue");
        java.time.Instant lastSecond = contractEnd.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Jakarta")).toInstant().minusSeconds(1);
        String validTo = (String) ((JavascriptExecutor) browser).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "Teken.api('GET', '/api/v1/me/certificate').then(r => done(r.ok ? r.data.validTo : 'error'));");
        assertThat(java.time.Instant.parse(validTo)).isBeforeOrEqualTo(lastSecond).isAfter(lastSecond.minus(Duration.ofDays(1)));

        // Keluar revokes the token on the server: kept by someone, it no longer opens anything.
        String token = (String) ((JavascriptExecutor) browser).executeScript("return JSON.parse(sessionStorage.getItem('teken.session')).token");
        click("keluar");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-masuk")));
        HttpResponse<String> after = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/me"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(after.statusCode()).isEqualTo(401);
        assertThat(after.body()).contains("TOKEN_REVOKED");
    }

    @Test
    void pages_areServedWithAStrictPolicy_andNoInlineCode() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : List.of("/", "/lupa-password", "/dashboard", "/aktivasi/abc", "/passphrase/abc", "/tanda-tangan",
                "/verify", "/verifikator")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway + page)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'")
                    .doesNotContain("unsafe-inline").contains("frame-ancestors 'none'");
            assertThat(r.headers().firstValue("Referrer-Policy")).contains("no-referrer");
            assertThat(r.headers().firstValue("Cache-Control")).contains("no-store");
            assertThat(r.body()).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                    .doesNotContain("style=");
        }
        // The API behind the same prefixes stays the API's.
        HttpResponse<String> api = http.send(HttpRequest.newBuilder(URI.create(gateway + "/verify/unknown-id")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
    }

    // ---- the browser ----

    /** The Verifikator TTE opens the person's activation from the review queue, sees the selfie, and approves. */
    private void approveInConsole(String nip, String shot) {
        browser.get(gateway + "/verifikator");
        type("filter-nip", nip);
        click("muat-antrian");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#antrian tbody"), nip));
        shots(shot + "-antrian");
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
            d.findElement(By.cssSelector("#antrian tbody button")).click();
            return true;
        });
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rincian")));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("swafoto")));
        assertThat((Boolean) ((JavascriptExecutor) browser).executeScript(
                "return document.getElementById('swafoto').complete && document.getElementById('swafoto').naturalWidth > 0")).isTrue();
        shots(shot + "-rincian");
        click("setujui");
        waitNotice("ok");
    }

    /** The camera selfie step: Ambil foto (and, once, Ulangi), then Kirim. */
    private void takeSelfie(boolean retake) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-SELFIE")));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("ambil-foto")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.getElementById('kamera').videoWidth > 0"));
        if (retake) {
            shots("aktivasi-swafoto-kamera");
            click("ambil-foto");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kirim-foto")));
            click("ulangi-foto");
            wait.until(ExpectedConditions.elementToBeClickable(By.id("ambil-foto")));
            wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return document.getElementById('kamera').videoWidth > 0"));
        }
        click("ambil-foto");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("kirim-foto")));
        if (retake) {
            shots("aktivasi-swafoto-hasil");
        }
        click("kirim-foto");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-SUBMIT")));
        wait.until(d -> !d.findElement(By.id("teks-kp")).getText().isBlank() && !d.findElement(By.id("teks-pp")).getText().isBlank());
    }

    /** The consents, then Submit: the page that says how it went. */
    private void agreeAndSubmit(String shot) {
        click("setuju-kp");
        click("setuju-pp");
        shots(shot + "-persetujuan");
        click("kirim-aktivasi");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("selesai")));
        shots(shot + "-selesai");
    }

    private void setPassword(String nip, String siasn, String who) throws Exception {
        if (services == null && passwordWorks(nip)) {
            return; // a running stack used before by this test (Lupa Password mails are limited per hour)
        }
        int before = mail.messages(siasn).size();
        browser.get(gateway + "/lupa-password");
        type("nip", nip);
        click("tombol-kirim");
        waitNotice("ok");
        shots("lupa-password-" + who);
        browser.get(awaitLink(siasn, "/lupa-password/", before));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-password")));
        type("password-baru", PASSWORD);
        type("password-ulang", PASSWORD + "x");
        click("tombol-simpan");
        waitNotice("bad");
        type("password-ulang", PASSWORD);
        shots("password-baru-" + who);
        click("tombol-simpan");
        waitNotice("ok");
    }

    private boolean passwordWorks(String nip) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/auth/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"nip\":\"" + nip + "\",\"password\":\"" + PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200;
    }

    private void signIn(String nip, String password) {
        browser.get(gateway + "/");
        if (!browser.getCurrentUrl().endsWith("/")) {
            signOut();
            browser.get(gateway + "/");
        }
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("form-masuk")));
        type("nip", nip);
        if (!wrongPasswordSeen) {
            type("password", "Salah#Sekali9");
            click("tombol-masuk");
            waitNotice("bad");
            assertThat(text("pesan")).contains("NIP atau password salah");
            shots("masuk");
            wrongPasswordSeen = true;
        }
        type("password", password);
        click("tombol-masuk");
        wait.until(ExpectedConditions.not(ExpectedConditions.urlToBe(gateway + "/")));
    }

    private void signOut() {
        ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
        browser.get(gateway + "/");
    }

    private void type(String id, String text) {
        WebElement e = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
        e.clear();
        e.sendKeys(text);
    }

    private void click(String id) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private String value(String id) {
        return browser.findElement(By.id(id)).getAttribute("value");
    }

    private void waitText(By by, String expected) {
        if (expected.isEmpty()) {
            wait.until(d -> !d.findElement(by).getText().isBlank());
        } else {
            wait.until(ExpectedConditions.textToBe(by, expected));
        }
    }

    /** The page's notice box shows a message of this kind (ok, bad, info). */
    private void waitNotice(String kind) {
        wait.until(d -> {
            WebElement n = d.findElement(By.id("pesan"));
            return n.getAttribute("class").contains(kind) && !n.getAttribute("class").contains("hidden") && !n.getText().isBlank();
        });
    }

    private String awaitLink(String address, String fragment, int before) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            List<MailInbox.Message> all = mail.messages(address);
            for (int i = all.size() - 1; i >= Math.min(before, all.size()); i--) {
                Optional<String> link = all.get(i).link(fragment);
                if (link.isPresent()) {
                    return link.get();
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no mail with a " + fragment + " link for " + address);
    }

    private Path awaitDownload(String name) throws InterruptedException {
        Path file = downloads.resolve(name);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && !Files.exists(downloads.resolve(name + ".crdownload"))) {
                return file;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the browser did not save " + name);
    }

    /** The page as it is now at desktop width, and at a 360 px phone's. */
    private void shots(String name) {
        shot(name + "-desktop");
        Dimension size = browser.manage().window().getSize();
        browser.manage().window().setSize(new Dimension(360, 800));
        shot(name + "-phone");
        browser.manage().window().setSize(size);
    }

    /** The whole page (not only what the window shows), through the DevTools protocol. */
    @SuppressWarnings("unchecked")
    private void shot(String name) {
        try {
            byte[] png;
            try {
                ChromeDriver chrome = (ChromeDriver) browser;
                Map<String, Object> metrics = chrome.executeCdpCommand("Page.getLayoutMetrics", Map.of());
                Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
                double w = ((Number) size.get("width")).doubleValue(), h = Math.min(8000, ((Number) size.get("height")).doubleValue());
                Map<String, Object> shot = chrome.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
                        "captureBeyondViewport", true, "clip", Map.of("x", 0, "y", 0, "width", w, "height", h, "scale", 1)));
                png = java.util.Base64.getDecoder().decode((String) shot.get("data"));
            } catch (RuntimeException cdp) {
                png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
            }
            Files.write(SHOTS.resolve(name + ".png"), png);
        } catch (IOException | RuntimeException e) {
            System.err.println("no screenshot " + name + ": " + e);
        }
    }

    /** A YUV4MPEG2 (4:2:0) clip of one frame, the picture given, for Chromium's fake camera. */
    static Path fakeCamera(Path jpeg, Path y4m) throws IOException {
        BufferedImage img = ImageIO.read(jpeg.toFile());
        int w = img.getWidth() & ~1, h = img.getHeight() & ~1;
        byte[] y = new byte[w * h], u = new byte[w * h / 4], v = new byte[w * h / 4];
        for (int j = 0; j < h; j++) {
            for (int i = 0; i < w; i++) {
                int rgb = img.getRGB(i, j), r = (rgb >> 16) & 255, g = (rgb >> 8) & 255, b = rgb & 255;
                y[j * w + i] = (byte) clamp(0.299 * r + 0.587 * g + 0.114 * b);
                if ((i & 1) == 0 && (j & 1) == 0) {
                    int k = (j / 2) * (w / 2) + i / 2;
                    u[k] = (byte) clamp(128 - 0.168736 * r - 0.331264 * g + 0.5 * b);
                    v[k] = (byte) clamp(128 + 0.5 * r - 0.418688 * g - 0.081312 * b);
                }
            }
        }
        try (OutputStream out = Files.newOutputStream(y4m)) {
            out.write(("YUV4MPEG2 W" + w + " H" + h + " F30:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
            out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.write(y);
            out.write(u);
            out.write(v);
        }
        return y4m;
    }

    private static int clamp(double x) {
        return (int) Math.max(0, Math.min(255, Math.round(x)));
    }
}
