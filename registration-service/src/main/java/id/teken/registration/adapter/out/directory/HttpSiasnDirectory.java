package id.teken.registration.adapter.out.directory;

import id.teken.kit.directory.SiasnApi;

import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.EmploymentStatus;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A SIASN-style HTTP API: {@code GET {base}/api/pegawai/{nip}} with a bearer API key, answering the
 * employee as JSON (bare or wrapped in {@code data}); 404 means no such employee. Anything else (timeout,
 * 5xx, unreadable body) is "directory unavailable", never "not found".
 */
public class HttpSiasnDirectory implements EmployeeDirectory {

    private final SiasnApi siasn;

    public HttpSiasnDirectory(URI base, String apiKey, Duration timeout) {
        this.siasn = new SiasnApi(base, apiKey, timeout);
    }

    @Override
    public Optional<Employee> findByNip(Nip nip) {
        Optional<SiasnApi.Answer> answer;
        try {
            answer = siasn.employee(nip.value());
        } catch (SiasnApi.Unavailable e) {
            throw new DirectoryUnavailable(e.getMessage());
        }
        try {
            return answer.map(p -> {
                String nik = p.get("nik");
                String email = p.get("email");
                return new Employee(nip,
                        nik.isBlank() ? Optional.empty() : Optional.of(new Nik(nik)),
                        p.get("nama"),
                        EmploymentStatus.fromDirectory(p.get("statusPegawai")),
                        p.get("instansi"),
                        p.get("unitOrganisasi"),
                        p.get("jabatan"),
                        p.get("provinsi"),
                        email.isBlank() ? Optional.empty() : Optional.of(new EmailAddress(email)));
            });
        } catch (RuntimeException e) {
            throw new DirectoryUnavailable("SIASN directory answer unreadable: " + e.getClass().getSimpleName());
        }
    }
}
