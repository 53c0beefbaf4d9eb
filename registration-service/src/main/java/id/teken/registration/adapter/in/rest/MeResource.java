package id.teken.registration.adapter.in.rest;

import id.teken.registration.config.RegistrationConfig;
import id.teken.registration.application.port.in.RegisterForCertificateCommand;
import id.teken.registration.application.port.in.RegisterForCertificateUseCase;
import id.teken.registration.application.port.in.VerifyNikUseCase;
import id.teken.registration.application.port.in.ViewCertificateStatusUseCase;
import id.teken.registration.application.port.in.ViewProfileUseCase;
import id.teken.registration.domain.CertificateStatus;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** The signed-in ASN's dashboard: profile, certificate status, NIK verification and registration. */
@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("ASN")
@SecurityRequirement(name = "jwt")
@Tag(name = "Dasbor ASN", description = "Profil, status sertifikat elektronik, verifikasi NIK, registrasi")
public class MeResource {

    @Inject
    RegistrationConfig config;

    @Inject
    JsonWebToken jwt;

    @Inject
    ViewProfileUseCase profiles;

    @Inject
    ViewCertificateStatusUseCase statuses;

    @Inject
    VerifyNikUseCase nikVerification;

    @Inject
    RegisterForCertificateUseCase registration;

    /** The profile the directory holds. */
    public record ProfileResponse(String nip, String nama, String statusKepegawaian, String instansi,
                                  String unitOrganisasi, String jabatan, String provinsi, String emailSiasn,
                                  Set<String> roles) {
    }

    /** Dashboard > Sertifikat Elektronik. */
    public record CertificateStatusResponse(String status, String keterangan, String catatan, String registrationId,
                                            Instant registeredAt, String emailDinas, String serialNumber,
                                            Instant validFrom, Instant validTo) {
    }

    /** Body of nik-verification. */
    public record NikVerificationRequest(String nik) {
    }

    /** The NIK checks out (masked in the answer). */
    public record NikVerificationResponse(boolean valid, String nik, String nama, String message) {
    }

    /** Body of registration. */
    public record RegistrationRequest(String nik, String emailSiasn, String emailDinas) {
    }

    /** The registration was recorded. */
    public record RegistrationResponse(String registrationId, String status, String emailDinas, String message) {
    }

    @GET
    @Operation(summary = "Profil pegawai dari data kepegawaian (SIASN)")
    public ProfileResponse profile() {
        ViewProfileUseCase.Profile profile = profiles.profile(nip());
        Employee e = profile.employee();
        Set<String> roles = new TreeSet<>();
        profile.roles().forEach(r -> roles.add(r.name()));
        return new ProfileResponse(e.nip().value(), e.nama(), e.status().name(), e.instansi(), e.unitOrganisasi(),
                e.jabatan(), e.provinsi(), e.emailSiasn().map(Object::toString).orElse(null), roles);
    }

    @GET
    @Path("/certificate")
    @Operation(summary = "Status sertifikat elektronik (salah satu dari sembilan status), serial dan masa berlaku")
    public CertificateStatusResponse certificate() {
        return statuses.registration(nip()).map(MeResource::toStatus).orElseGet(() ->
                new CertificateStatusResponse(CertificateStatus.NOT_REGISTERED.name(),
                        describe(CertificateStatus.NOT_REGISTERED), null, null, null, null, null, null, null));
    }

    @POST
    @Path("/certificate/nik-verification")
    @Operation(summary = "Verifikasi NIK terhadap data kependudukan dan NIP")
    public NikVerificationResponse verifyNik(NikVerificationRequest request) {
        AuthResource.require(request);
        VerifyNikUseCase.NikVerified verified = nikVerification.verifyNik(nip(), Nik.of(request.nik()));
        return new NikVerificationResponse(true, verified.nik().masked(), verified.nama(),
                "NIK terverifikasi dan sesuai dengan NIP Anda.");
    }

    @POST
    @Path("/certificate/registration")
    @Operation(summary = "Registrasi sertifikat elektronik; status menjadi NEW dan email aktivasi dikirim ke Email Dinas")
    public Response register(RegistrationRequest request) {
        AuthResource.require(request);
        Registration r = registration.register(RegisterForCertificateCommand.of(nip(), request.nik(),
                request.emailSiasn(), request.emailDinas(), config.tenant().mailDomain()));
        return Response.status(Response.Status.CREATED).entity(new RegistrationResponse(r.id().toString(),
                r.status().name(), r.emailDinas().value(), "Registrasi berhasil. Tautan aktivasi akan dikirim ke "
                + r.emailDinas().value() + ".")).build();
    }

    private Nip nip() {
        return Nip.of(jwt.getSubject());
    }

    private static CertificateStatusResponse toStatus(Registration r) {
        return new CertificateStatusResponse(r.status().name(), describe(r.status()), r.statusNote().orElse(null), r.id().toString(),
                r.registeredAt(), r.emailDinas().value(), r.certificateSerial().orElse(null),
                r.validFrom().orElse(null), r.validTo().orElse(null));
    }

    static String describe(CertificateStatus status) {
        return switch (status) {
            case NOT_REGISTERED -> "Belum terdaftar. Silakan registrasi sertifikat elektronik.";
            case NEW -> "Terdaftar. Silakan aktivasi melalui tautan yang dikirim ke Email Dinas.";
            case WAITING_FOR_VERIFICATION -> "Menunggu verifikasi oleh Verifikator TTE.";
            case NO_CERTIFICATE -> "Aktivasi berhasil. Silakan atur passphrase melalui tautan di email.";
            case ISSUE -> "Sertifikat elektronik aktif dan dapat digunakan untuk menandatangani.";
            case EXPIRED -> "Sertifikat elektronik sudah kedaluwarsa.";
            case RENEW -> "Sertifikat elektronik sedang diperbarui.";
            case SUSPEND -> "Sertifikat elektronik sedang dibekukan.";
            case REVOKE -> "Sertifikat elektronik sudah dicabut.";
        };
    }
}
