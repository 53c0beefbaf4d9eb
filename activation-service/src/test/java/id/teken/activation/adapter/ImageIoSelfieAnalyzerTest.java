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

    private ErrorCode code(SelfieMetrics metrics) {
        try {
            policy.check(metrics);
        } catch (DomainException e) {
            return e.code();
        }
        return null;
    }
}
