package id.teken.registration.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** Row of table certificate_registration. */
@Entity
@Table(name = "certificate_registration")
public class RegistrationEntity extends PanacheEntityBase {

    @Id
    public String nip;

    @Column(name = "registration_id")
    public UUID registrationId;

    public String nik;

    @Column(name = "email_siasn")
    public String emailSiasn;

    @Column(name = "email_dinas")
    public String emailDinas;

    public String status;

    @Column(name = "registered_at")
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "certificate_serial")
    public String certificateSerial;

    @Column(name = "valid_from")
    public Instant validFrom;

    @Column(name = "valid_to")
    public Instant validTo;

    @Column(name = "status_note")
    public String statusNote;

    @Column(name = "contract_reference")
    public String contractReference;

    @Column(name = "contract_ends_at")
    public Instant contractEndsAt;

    @Column(name = "contract_enrolled_by")
    public String contractEnrolledBy;

    @Version
    public long version;
}
