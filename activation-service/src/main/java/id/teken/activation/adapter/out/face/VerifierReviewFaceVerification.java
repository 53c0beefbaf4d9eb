package id.teken.activation.adapter.out.face;

import id.teken.activation.application.port.out.FaceVerification;
import id.teken.activation.domain.FaceResult;

/** The embedded default: no matching service, so a Verifikator TTE compares the selfie. */
public class VerifierReviewFaceVerification implements FaceVerification {

    @Override
    public FaceResult verify(String nik, String contentType, byte[] selfie) {
        return FaceResult.review();
    }
}
