package id.teken.registration.adapter.out.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Row of table password_reset_token (the token's hash, never the token). */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetLinkEntity extends PanacheEntityBase {

    @Id
    @Column(name = "token_hash")
    public String tokenHash;

    public String nip;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;
}
