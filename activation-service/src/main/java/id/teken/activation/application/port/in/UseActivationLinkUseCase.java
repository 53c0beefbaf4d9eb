package id.teken.activation.application.port.in;

import id.teken.activation.domain.ActivationStatus;
import id.teken.activation.domain.DomainException;
import id.teken.activation.domain.Employment;
import id.teken.activation.domain.ErrorCode;
import id.teken.activation.domain.Identity;
import id.teken.activation.domain.Kategori;
import id.teken.activation.domain.Step;

import java.time.Instant;

/**
 * The activation portal, for whoever holds the mailed link: view, then identity, employment, selfie and
 * submit, in that order. Every call names the caller's address so that token guessing can be throttled.
 */
public interface UseActivationLinkUseCase {

    LinkView view(String token, String clientAddress);

    void recordIdentity(String token, Identity identity, String clientAddress);

    Employment recordEmployment(String token, EmploymentCommand command, String clientAddress);

    void recordSelfie(String token, String contentType, byte[] image, String clientAddress);

    ActivationStatus submit(String token, boolean setujuKebijakanPrivasi, boolean setujuPerjanjianPemilik,
                            String clientAddress);

    /** What the portal shows about a link. */
    record LinkView(String activationId, Step nextStep, ActivationStatus status, String instansi, String nama,
                    String emailDinas, Instant expiresAt, String privacyPolicyVersion, String subscriberAgreementVersion) {
    }

    /**
     * Step 2 as typed, checked on construction: ASN_POLRI needs a NIP (18 digits) or NRP (8) of digits only (the unit
     * and position then come from SIASN); LAINNYA needs the unit and position in the person's own words (200 at most).
     */
    record EmploymentCommand(Kategori kategori, String nipNrp, String unitOrganisasi, String jabatan) {

        public EmploymentCommand {
            if (kategori == null) {
                throw new DomainException(ErrorCode.KATEGORI_INVALID, "Kategori wajib diisi: ASN_POLRI atau LAINNYA.");
            }
            if (kategori == Kategori.ASN_POLRI) {
                nipNrp = nipNrp == null ? "" : nipNrp.trim();
                if (!nipNrp.matches("[0-9]{8,18}")) {
                    throw new DomainException(ErrorCode.NIP_INVALID, "NIP (18 digit) atau NRP (8 digit) hanya berisi angka.");
                }
                unitOrganisasi = null;
                jabatan = null;
            } else {
                nipNrp = nipNrp == null || nipNrp.isBlank() ? null : nipNrp.trim();
                unitOrganisasi = ownWords(unitOrganisasi, "Unit organisasi");
                jabatan = ownWords(jabatan, "Jabatan");
            }
        }

        /** From the request's text fields (kategori as sent: ASN_POLRI or LAINNYA, any case). */
        public static EmploymentCommand of(String kategori, String nipNrp, String unitOrganisasi, String jabatan) {
            return new EmploymentCommand(Kategori.parse(kategori), nipNrp, unitOrganisasi, jabatan);
        }

        private static String ownWords(String s, String field) {
            if (s == null || s.isBlank()) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, field + " wajib diisi untuk kategori LAINNYA.");
            }
            if (s.trim().length() > 200) {
                throw new DomainException(ErrorCode.MALFORMED_REQUEST, field + " maksimal 200 karakter.");
            }
            return s.trim();
        }
    }
}
