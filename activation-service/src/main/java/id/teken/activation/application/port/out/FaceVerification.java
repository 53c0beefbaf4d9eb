package id.teken.activation.application.port.out;

import id.teken.activation.domain.FaceResult;

/** Compares a selfie with the civil-registry photo of the NIK. Throws {@link Unavailable} when it cannot. */
public interface FaceVerification {

    FaceResult verify(String nik, String contentType, byte[] selfie);

    /** The matching service could not answer. */
    class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
