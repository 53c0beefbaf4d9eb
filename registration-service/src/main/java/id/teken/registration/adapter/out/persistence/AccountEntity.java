package id.teken.registration.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** Row of table account. */
@Entity
@Table(name = "account")
public class AccountEntity extends PanacheEntityBase {

    @Id
    @Column(length = 18)
    public String nip;

    @Column(name = "password_hash")
    public String passwordHash;

    public boolean active;

    public String roles;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    @Version
    public long version;
}
