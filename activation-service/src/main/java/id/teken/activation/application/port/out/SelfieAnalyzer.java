package id.teken.activation.application.port.out;

import id.teken.activation.domain.SelfieMetrics;

/** Decodes an image and measures it; throws a SELFIE_UNREADABLE / SELFIE_TYPE DomainException otherwise. */
public interface SelfieAnalyzer {

    SelfieMetrics analyze(String contentType, byte[] image);
}
