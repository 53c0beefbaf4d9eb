package id.teken.registration.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A login account for one NIP. It exists inactive (no password) until its owner sets a password through a
 * mailed "Lupa Password" link; roles beyond ASN are granted by the operator.
 */
public final class Account {

    private final Nip nip;
    private String passwordHash;
    private boolean active;
    private final Set<Role> roles;
    private final Instant createdAt;
    private Instant passwordChangedAt;

    public Account(Nip nip, String passwordHash, boolean active, Set<Role> roles, Instant createdAt,
                   Instant passwordChangedAt) {
        this.nip = nip;
        this.passwordHash = passwordHash;
        this.active = active;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.roles.add(Role.ASN);
        this.createdAt = createdAt;
        this.passwordChangedAt = passwordChangedAt;
    }

    public static Account newInactive(Nip nip, Instant now) {
        return new Account(nip, null, false, EnumSet.of(Role.ASN), now, null);
    }

    public void setPassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.active = true;
        this.passwordChangedAt = now;
    }

    public void grant(Role role) {
        roles.add(role);
    }

    /** Takes an operator role away (ASN, the role of every account, stays). */
    public void revoke(Role role) {
        if (role != Role.ASN) {
            roles.remove(role);
        }
    }

    public boolean canLogIn() {
        return active && passwordHash != null;
    }

    public Nip nip() {
        return nip;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean active() {
        return active;
    }

    public Set<Role> roles() {
        return EnumSet.copyOf(roles);
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant passwordChangedAt() {
        return passwordChangedAt;
    }
}
