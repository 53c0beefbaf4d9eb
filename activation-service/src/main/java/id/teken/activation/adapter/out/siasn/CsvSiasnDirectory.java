package id.teken.activation.adapter.out.siasn;

import id.teken.kit.directory.EmployeeExport;

import id.teken.activation.application.port.out.EmployeeDirectory;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * SIASN from the Pemkab's employee export (the same CSV registration-service reads): only the employment
 * columns are used here (nip, unit_organisasi, jabatan, provinsi).
 */
public class CsvSiasnDirectory implements EmployeeDirectory {

    private static final Logger LOG = Logger.getLogger(CsvSiasnDirectory.class);

    private final Map<String, EmployeeRecord> byNip = new HashMap<>();

    public CsvSiasnDirectory(Path file) {
        for (EmployeeExport.Row row : EmployeeExport.read(file, "nip")) {
            String nip = row.get("nip");
            if (nip.matches("[0-9]{8,18}")) {
                byNip.put(nip, new EmployeeRecord(nip, row.get("unit"), row.get("jabatan"), row.get("provinsi")));
            }
        }
        LOG.infof("SIASN directory (CSV) loaded: %d employees", byNip.size());
    }

    @Override
    public Optional<EmployeeRecord> find(String nipNrp) {
        return Optional.ofNullable(byNip.get(nipNrp));
    }
}
