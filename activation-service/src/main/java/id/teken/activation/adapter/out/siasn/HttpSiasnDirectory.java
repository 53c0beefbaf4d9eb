package id.teken.activation.adapter.out.siasn;

import id.teken.kit.directory.SiasnApi;

import id.teken.activation.application.port.out.EmployeeDirectory;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * A SIASN-style API: {@code GET {base}/api/pegawai/{nipNrp}} with a bearer key; 404 = not found, any other
 * failure = unavailable (never "not found").
 */
public class HttpSiasnDirectory implements EmployeeDirectory {

    private final SiasnApi siasn;

    public HttpSiasnDirectory(URI base, String apiKey, Duration timeout) {
        this.siasn = new SiasnApi(base, apiKey, timeout);
    }

    @Override
    public Optional<EmployeeRecord> find(String nipNrp) {
        try {
            return siasn.employee(nipNrp).map(p -> new EmployeeRecord(p.get("nip"), p.get("unitOrganisasi"), p.get("jabatan"),
                    p.get("provinsi")));
        } catch (SiasnApi.Unavailable e) {
            throw new DirectoryUnavailable(e.getMessage());
        }
    }
}
