package id.teken.certificate.adapter.in.rest;

import id.teken.certificate.application.port.in.SetPassphraseUseCase;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** The set/reset-passphrase page's API, for the holder of the mailed link. */
@Path("/api/v1/passphrase-links/{token}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Passphrase", description = "Atur atau reset passphrase melalui tautan dari email; sertifikat diterbitkan")
public class PassphraseLinkResource {

    @Inject
    SetPassphraseUseCase passphrases;

    /** What the page shows, with the policy. */
    public record LinkResponse(String tujuan, String nama, Instant berlakuSampai, String versiPerjanjianPemilik, String ketentuan) {
    }

    /** Body of POST. */
    public record PassphraseRequest(String passphrase, Boolean setujuPerjanjianPemilik) {
    }

    /** The issued certificate. */
    public record IssuedResponse(String status, String serialNumber, String subjectDn, Instant validFrom, Instant validTo,
                                 String serialNumberDicabut, String message) {
    }

    @GET
    @Operation(summary = "Tujuan tautan (SET atau RESET), nama, masa berlaku, versi perjanjian, ketentuan passphrase")
    public LinkResponse view(@PathParam("token") String token) {
        SetPassphraseUseCase.LinkView v = passphrases.view(token);
        return new LinkResponse(v.purpose(), v.nama(), v.expiresAt(), v.agreementVersion(),
                "Minimal 8 karakter dengan huruf besar, huruf kecil, angka dan simbol; tidak memuat nama, NIP atau NIK; "
                        + "bukan passphrase yang umum dipakai.");
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Atur passphrase dan setujui perjanjian: kunci dibuat, sertifikat terbit (reset: sertifikat lama dicabut)")
    public IssuedResponse set(@PathParam("token") String token, PassphraseRequest body) {
        if (body == null) {
            throw new DomainException(ErrorCode.BODY_REQUIRED, "Badan permintaan (JSON) wajib diisi.");
        }
        SetPassphraseUseCase.IssuedView issued = passphrases.setPassphrase(token,
                body.passphrase() == null ? null : body.passphrase().toCharArray(), Boolean.TRUE.equals(body.setujuPerjanjianPemilik()));
        return new IssuedResponse("ISSUE", issued.serialNumber(), issued.subjectDn(), issued.notBefore(), issued.notAfter(),
                issued.replacedSerialNumber(), "Sertifikat Elektronik Terbit.");
    }
}
