package id.teken.registration.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

@Entity
@Table(name = "contract_staff")
public class ContractStaffEntity extends PanacheEntityBase {

    @Id
    @Column(length = 18)
    public String nip;

    @Column(nullable = false, unique = true, length = 16)
    public String nik;

    @Column(nullable = false, length = 200)
    public String nama;

    @Column(name = "unit_organisasi", nullable = false, length = 200)
    public String unitOrganisasi;

    @Column(nullable = false, length = 200)
    public String jabatan;

    @Column(name = "email_dinas", nullable = false, length = 254)
    public String emailDinas;

    @Column(name = "enrolled_by", nullable = false, length = 18)
    public String enrolledBy;

    @Column(name = "enrolled_at", nullable = false)
    public Instant enrolledAt;
}
