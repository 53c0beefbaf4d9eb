package id.teken.signing.adapter.in.rest;

import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our multipart/form-data reading: what curl, browsers and PHP send, binary data that mimics the delimiter, and hostile bodies. */
class MultipartFormTest {

    private static final String CT = "multipart/form-data; boundary=----XyZ123";

    private static byte[] body(String boundary, Object... namesAndParts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < namesAndParts.length; i += 2) {
            String header = (String) namesAndParts[i];
            Object data = namesAndParts[i + 1];
            out.writeBytes(("--" + boundary + "\r\n" + header + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.writeBytes(data instanceof byte[] b ? b : ((String) data).getBytes(StandardCharsets.UTF_8));
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static MultipartForm read(byte[] body, String contentType, long max) {
        return MultipartForm.read(new ByteArrayInputStream(body), contentType, null, max, ErrorCode.PDF_TOO_LARGE, "terlalu besar",
                ErrorCode.SIGNING_UNAVAILABLE);
    }

    @Test
    void fieldsAndFiles_withBinaryDataThatMimicsTheDelimiter() {
        // Data full of CR LF "--" and the boundary's prefix, as compressed PDF streams can hold by chance.
        byte[] tricky = ("%PDF-1.7\r\n--\r\n------XyZ12\r\n------XyZ12-4\r\n-").getBytes(StandardCharsets.US_ASCII);
        byte[] random = new byte[3 * 1024 * 1024 + 17];
        new Random(5).nextBytes(random);
        byte[] body = body("----XyZ123",
                "Content-Disposition: form-data; name=\"passphrase\"", "Rahasia#Ponorogo 1",
                "Content-Disposition: form-data; name=\"files\"; filename=\"surat \\\"a\\\".pdf\"\r\nContent-Type: application/pdf", tricky,
                "content-disposition: form-data; filename=\"b.pdf\"; name=files", random,
                "Content-Disposition: form-data; name=\"kosong\"", "");
        MultipartForm form = read(body, CT, 10L * 1024 * 1024);
        assertThat(form.field("passphrase")).isEqualTo("Rahasia#Ponorogo 1");
        assertThat(form.parts("files")).hasSize(2);
        assertThat(form.parts("files").get(0).fileName()).isEqualTo("surat \"a\".pdf");
        assertThat(form.parts("files").get(0).contentType()).isEqualTo("application/pdf");
        assertThat(form.parts("files").get(0).data()).isEqualTo(tricky);
        assertThat(form.parts("files").get(1).fileName()).isEqualTo("b.pdf");
        assertThat(form.parts("files").get(1).data()).isEqualTo(random);
        assertThat(form.field("kosong")).isEmpty();
        assertThat(form.field("absent")).isNull();
        assertThat(form.part("absent")).isNull();
    }

    @Test
    void quotedBoundary_preambleAndTransportPadding() {
        byte[] inner = body("a'b(c)d", "Content-Disposition: form-data; name=\"x\"", "1");
        String padded = "preamble to ignore\r\n" + new String(inner, StandardCharsets.ISO_8859_1).replaceFirst("--a'b\\(c\\)d\r\n", "--a'b(c)d  \r\n");
        MultipartForm form = read(padded.getBytes(StandardCharsets.ISO_8859_1), "Multipart/Form-Data; charset=utf-8; boundary=\"a'b(c)d\"", 1024);
        assertThat(form.field("x")).isEqualTo("1");
    }

    @Test
    void malformedBodies_areMalformedRequests() {
        byte[] ok = body("----XyZ123", "Content-Disposition: form-data; name=\"x\"", "1");
        String okText = new String(ok, StandardCharsets.ISO_8859_1);
        String[] contentTypes = {null, "application/json", "multipart/form-data", "multipart/form-data; boundary=",
                "multipart/form-data; boundary=" + "x".repeat(71)};
        for (String ct : contentTypes) {
            assertMalformed(ok, ct);
        }
        assertMalformed("no delimiter at all".getBytes(StandardCharsets.US_ASCII), CT);
        assertMalformed(okText.replace("------XyZ123--\r\n", "").getBytes(StandardCharsets.ISO_8859_1), CT); // never closed
        assertMalformed(okText.replace("name=\"x\"", "filename=\"x\"").getBytes(StandardCharsets.ISO_8859_1), CT); // no name
        assertMalformed(okText.replace("form-data;", "attachment;").getBytes(StandardCharsets.ISO_8859_1), CT);
        assertMalformed(okText.replace("\r\n\r\n1", "\r\n1").getBytes(StandardCharsets.ISO_8859_1), CT); // headers never end
        assertMalformed(("------XyZ123\r\nContent-Disposition: form-data; name=\"x\"; filename=\"" + "a".repeat(20_000)
                + "\"\r\n\r\n1\r\n------XyZ123--").getBytes(StandardCharsets.US_ASCII), CT); // a header over 16 KB
        assertMalformed(okText.replace("------XyZ123\r\n", "------XyZ123junk\r\n").getBytes(StandardCharsets.ISO_8859_1), CT);
    }

    @Test
    void tooManyParts_andTooLargeBodies_areRefused() {
        Object[] many = new Object[2 * (MultipartForm.MAX_PARTS + 1)];
        for (int i = 0; i < many.length; i += 2) {
            many[i] = "Content-Disposition: form-data; name=\"f" + i + "\"";
            many[i + 1] = "v";
        }
        assertMalformed(body("----XyZ123", many), CT);
        byte[] big = body("----XyZ123", "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"", new byte[200_000]);
        assertThatThrownBy(() -> read(big, CT, 100_000)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.PDF_TOO_LARGE));
        assertThat(read(big, CT, big.length).part("file").data()).hasSize(200_000);
    }

    @Test
    void randomSplitsOfRandomData_alwaysComeBackWhole() {
        Random random = new Random(11);
        for (int round = 0; round < 200; round++) {
            byte[] a = new byte[random.nextInt(5000)];
            byte[] b = new byte[random.nextInt(5000)];
            random.nextBytes(a);
            random.nextBytes(b);
            // Sprinkle fragments of the delimiter into the data.
            for (byte[] d : new byte[][] {a, b}) {
                for (int k = 0; k + 12 < d.length; k += 1 + random.nextInt(300)) {
                    byte[] piece = "\r\n------XyZ12".getBytes(StandardCharsets.US_ASCII);
                    System.arraycopy(piece, 0, d, k, 1 + random.nextInt(piece.length - 1));
                }
            }
            MultipartForm form = read(body("----XyZ123", "Content-Disposition: form-data; name=\"a\"", a,
                    "Content-Disposition: form-data; name=\"b\"; filename=\"b\"", b), CT, 1 << 20);
            assertThat(form.part("a").data()).isEqualTo(a);
            assertThat(form.part("b").data()).isEqualTo(b);
        }
    }

    @Test
    void theInMemoryBudget_makesParallelLargeUploadsWait_andIsGivenBack() {
        java.util.concurrent.Semaphore budget = new java.util.concurrent.Semaphore(10); // 10 KiB
        java.time.Duration wait = java.time.Duration.ofMillis(200);
        byte[] body = body("----XyZ123", "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"", new byte[7000]);
        String length = String.valueOf(body.length);
        MultipartForm first = MultipartForm.read(new ByteArrayInputStream(body), CT, length, 1 << 20, ErrorCode.PDF_TOO_LARGE, "besar",
                ErrorCode.SIGNING_UNAVAILABLE, budget, wait);
        assertThat(budget.availablePermits()).isEqualTo(10 - (body.length + 1023) / 1024);
        assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream(body), CT, length, 1 << 20, ErrorCode.PDF_TOO_LARGE,
                "besar", ErrorCode.SIGNING_UNAVAILABLE, budget, wait)).isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.SIGNING_UNAVAILABLE);
                    assertThat(e.retryAfter()).isNotNull();
                });
        first.close();
        first.close(); // twice gives back once
        assertThat(budget.availablePermits()).isEqualTo(10);
        // A failed parse gives its reservation back; a declared length over the limit is refused before reading.
        assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream("junk".getBytes(StandardCharsets.US_ASCII)), CT, "4",
                1 << 20, ErrorCode.PDF_TOO_LARGE, "besar", ErrorCode.SIGNING_UNAVAILABLE, budget, wait))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
        assertThatThrownBy(() -> MultipartForm.read(new ByteArrayInputStream(body), CT, "999999999", 1 << 20, ErrorCode.PDF_TOO_LARGE,
                "besar", ErrorCode.SIGNING_UNAVAILABLE, budget, wait))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PDF_TOO_LARGE));
        assertThat(budget.availablePermits()).isEqualTo(10);
        try (MultipartForm again = MultipartForm.read(new ByteArrayInputStream(body), CT, null, 9 * 1024, ErrorCode.PDF_TOO_LARGE,
                "besar", ErrorCode.SIGNING_UNAVAILABLE, budget, wait)) {
            assertThat(again.part("file").data()).hasSize(7000);
            assertThat(budget.availablePermits()).isEqualTo(1); // no Content-Length: the limit is reserved
        }
        assertThat(budget.availablePermits()).isEqualTo(10);
    }

    @Test
    void aDeclaredLength_sizesTheRead_andABodyThatDisagreesWithIt_isRefused() {
        java.util.concurrent.Semaphore budget = new java.util.concurrent.Semaphore(1 << 20);
        java.time.Duration wait = java.time.Duration.ofMillis(200);
        byte[] data = new byte[300_000];
        new Random(5).nextBytes(data);
        byte[] body = body("----XyZ123", "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"", data);
        // Exactly as declared, read in small pieces as a socket gives them.
        try (MultipartForm form = MultipartForm.read(trickle(body), CT, String.valueOf(body.length), 1 << 20, ErrorCode.PDF_TOO_LARGE,
                "besar", ErrorCode.SIGNING_UNAVAILABLE, budget, wait)) {
            assertThat(form.part("file").data()).isEqualTo(data);
        }
        // Declared longer than sent (a body cut short by the proxy): what came is parsed; here it lacks its close, so malformed.
        byte[] cut = Arrays.copyOf(body, body.length - 20);
        assertThatThrownBy(() -> MultipartForm.read(trickle(cut), CT, String.valueOf(body.length), 1 << 20, ErrorCode.PDF_TOO_LARGE,
                "besar", ErrorCode.SIGNING_UNAVAILABLE, budget, wait))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
        // More bytes than declared: refused, not read on.
        assertThatThrownBy(() -> MultipartForm.read(trickle(body), CT, String.valueOf(body.length - 100), 1 << 20,
                ErrorCode.PDF_TOO_LARGE, "besar", ErrorCode.SIGNING_UNAVAILABLE, budget, wait))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
        assertThat(budget.availablePermits()).isEqualTo(1 << 20);
    }

    /** A stream that hands out at most 1,000 bytes per read. */
    private static java.io.InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
    }

    private static void assertMalformed(byte[] body, String contentType) {
        assertThatThrownBy(() -> read(body, contentType, 1 << 20)).as("content type %s", contentType)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.MALFORMED_REQUEST));
    }
}
