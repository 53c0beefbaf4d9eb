package id.teken.activation.adapter;

import id.teken.activation.Selfies;
import id.teken.activation.adapter.out.image.ImageIoSelfieAnalyzer;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.SelfieMetrics;
import id.teken.activation.domain.SelfiePolicy;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageIoSelfieAnalyzerTest {

    private final ImageIoSelfieAnalyzer analyzer = new ImageIoSelfieAnalyzer();
    private final SelfiePolicy policy = new SelfiePolicy(5 * 1024 * 1024, 480, 480, 40, 220, 25);

    @Test
    void sharpEvenlyLitPortrait_passesAsJpegAndPng() {
        SelfieMetrics jpeg = analyzer.analyze("image/jpeg", Selfies.goodJpeg());
        SelfieMetrics png = analyzer.analyze("image/png", Selfies.encode(Selfies.portrait(600, 600), "png"));
        policy.check(jpeg);
        policy.check(png);
        assertThat(jpeg.width()).isEqualTo(640);
        assertThat(jpeg.sharpness()).isGreaterThan(100);
    }

    @Test
    void blurredDarkAndBrightImages_areCaught() {
        assertThat(code(analyzer.analyze("image/png", Selfies.encode(Selfies.blurred(640, 640), "png")))).isEqualTo(ErrorCode.SELFIE_BLURRED);
        assertThat(code(analyzer.analyze("image/png", Selfies.encode(Selfies.flat(640, 640, 5), "png")))).isEqualTo(ErrorCode.SELFIE_TOO_DARK);
        assertThat(code(analyzer.analyze("image/png", Selfies.encode(Selfies.flat(640, 640, 252), "png")))).isEqualTo(ErrorCode.SELFIE_TOO_BRIGHT);
        assertThat(code(analyzer.analyze("image/jpeg", Selfies.encode(Selfies.portrait(300, 400), "jpg")))).isEqualTo(ErrorCode.SELFIE_TOO_SMALL);
    }

    @Test
    void wrongOrBrokenBytes_areRefused() {
        byte[] png = Selfies.encode(Selfies.portrait(600, 600), "png");
        assertThatThrownBy(() -> analyzer.analyze("image/jpeg", png)).extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.SELFIE_TYPE);
        assertThatThrownBy(() -> analyzer.analyze("image/png", "%PDF-1.7 not an image".getBytes()))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.SELFIE_TYPE);
        byte[] truncated = Arrays.copyOf(Selfies.goodJpeg(), 200);
        assertThatThrownBy(() -> analyzer.analyze("image/jpeg", truncated)).isInstanceOf(DomainException.class);
    }

    @Test
    void aDecompressionBomb_isRefusedFromItsHeader_tenAtOnce_andABigPhotoIsDecodedSubsampled() throws Exception {
        byte[] bomb = Selfies.hugePng(30_000);
        assertThat(bomb.length).isLessThan(1024 * 1024);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.List<java.util.concurrent.Future<ErrorCode>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(pool.submit(() -> {
                    try {
                        analyzer.analyze("image/png", bomb);
                        return null;
                    } catch (DomainException e) {
                        return e.code();
                    }
                }));
            }
            for (var f : answers) {
                assertThat(f.get(30, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(ErrorCode.SELFIE_UNREADABLE);
            }
        } finally {
            pool.shutdownNow();
        }
        // A real 3000 x 3000 photo (9 MP) is measured with its true size, though only a subsample is decoded.
        SelfieMetrics big = analyzer.analyze("image/jpeg", Selfies.encode(Selfies.portrait(3000, 3000), "jpg"));
        assertThat(big.width()).isEqualTo(3000);
        assertThat(big.height()).isEqualTo(3000);
        assertThat(code(big)).isNull();
    }

    private ErrorCode code(SelfieMetrics metrics) {
        try {
            policy.check(metrics);
        } catch (DomainException e) {
            return e.code();
        }
        return null;
    }
}
