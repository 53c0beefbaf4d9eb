package id.teken.activation.application.port.out;

import java.util.Optional;

/** SIASN: NIP/NRP to unit, position and province. Throws {@link DirectoryUnavailable} when it cannot answer. */
public interface EmployeeDirectory {

    Optional<EmployeeRecord> find(String nipNrp);

    /** The employment facts SIASN holds. */
    record EmployeeRecord(String nip, String unitOrganisasi, String jabatan, String provinsi) {
    }

    /** The directory could not be asked. */
    class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(String message) {
            super(message);
        }
    }
}
