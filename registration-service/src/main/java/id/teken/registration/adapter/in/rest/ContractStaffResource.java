package id.teken.registration.adapter.in.rest;

import id.teken.registration.application.port.in.EnrolContractStaffUseCase;
import id.teken.registration.config.RegistrationConfig;
import id.teken.registration.domain.ContractTerms;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PersonDetails;
import id.teken.registration.domain.Registration;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** "Pihak lain": a Verifikator TTE enrols contract staff (not PNS/PPPK); audited; the activation mail follows. */
@Path("/api/v1/verifier/contract-staff")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("VERIFIKATOR")
@SecurityRequirement(name = "jwt")
@Tag(name = "Verifikator TTE")
public class ContractStaffResource {

    private final EnrolContractStaffUseCase enrolments;
    private final RegistrationConfig config;
    private final JsonWebToken jwt;
    private final Clock clock;

    @Inject
    public ContractStaffResource(EnrolContractStaffUseCase enrolments, RegistrationConfig config, JsonWebToken jwt, Clock clock) {
        this.enrolments = enrolments;
        this.config = config;
        this.jwt = jwt;
        this.clock = clock;
    }

    /**
     * The person's number in the employee export (nip), or, for someone not in it, their name as on the KTP (nama), unit
     * and position (jabatan, "Tenaga Kontrak" when left out); then NIK, Email Dinas, the contract's reference and last day
     * (yyyy-mm-dd).
     */
    public record EnrolRequest(String nip, String nama, String unitOrganisasi, String jabatan, String nik, String emailDinas,
                               String nomorKontrak, String kontrakBerakhir) {
    }

    /** nip is the account number: the one in the export, or the NIPTT handed out (akunBaru: mailed with a password link). */
    public record EnrolResponse(String registrationId, String nip, String nama, boolean akunBaru, String status, String emailDinas,
                                String nomorKontrak, Instant kontrakBerakhir, String message) {
    }

    @POST
    @Operation(summary = "Daftarkan tenaga kontrak (bukan PNS/PPPK): registrasi dengan tautan aktivasi ke Email Dinas, selalu diverifikasi, sertifikat berakhir bersama kontrak")
    public Response enrol(EnrolRequest request) {
        AuthResource.require(request);
        Nip verifier = Nip.of(jwt.getSubject());
        ContractTerms contract = ContractTerms.of(request.nomorKontrak(), request.kontrakBerakhir(), verifier, clock.instant());
        boolean inExport = request.nip() != null && !request.nip().isBlank();
        Optional<Nip> nip = inExport ? Optional.of(Nip.of(request.nip())) : Optional.empty();
        Optional<PersonDetails> person = inExport ? Optional.empty()
                : Optional.of(PersonDetails.of(request.nama(), request.unitOrganisasi(), request.jabatan()));
        EnrolContractStaffUseCase.Enrolment enrolment = enrolments.enrol(new EnrolContractStaffUseCase.EnrolCommand(verifier, nip,
                person, Nik.of(request.nik()), EmailDinas.parse(request.emailDinas(), config.tenant().mailDomain()), contract));
        Registration r = enrolment.registration();
        String account = enrolment.newAccount()
                ? " Nomor akunnya " + r.nip().value() + "; email berisi nomor itu dan tautan untuk membuat password dikirim ke "
                        + r.emailDinas().value() + "."
                : "";
        return Response.status(Response.Status.CREATED).entity(new EnrolResponse(r.id().toString(), r.nip().value(),
                enrolment.nama(), enrolment.newAccount(), r.status().name(), r.emailDinas().value(), contract.reference(),
                contract.endsAt(), "Tenaga kontrak terdaftar." + account + " Tautan aktivasi dikirim ke " + r.emailDinas().value()
                        + "; aktivasinya selalu diperiksa Verifikator TTE.")).build();
    }
}
