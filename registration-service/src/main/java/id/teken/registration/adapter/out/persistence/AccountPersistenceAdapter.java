package id.teken.registration.adapter.out.persistence;

import id.teken.registration.application.port.out.AccountRepository;
import id.teken.registration.application.port.out.PasswordResetLinks;
import id.teken.registration.domain.Account;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PasswordResetLink;
import id.teken.registration.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts, reset links and the operator-role trail in PostgreSQL through Panache. */
@ApplicationScoped
public class AccountPersistenceAdapter implements AccountRepository, PasswordResetLinks, id.teken.registration.application.port.out.RoleAudit {

    @jakarta.inject.Inject
    jakarta.persistence.EntityManager em;

    @jakarta.inject.Inject
    id.teken.kit.audit.AuditChain chain;

    @Override
    public java.util.List<Account> findWithRole(Role role) {
        return AccountEntity.<AccountEntity>list("roles like ?1", "%" + role.name() + "%").stream()
                .map(e -> new Account(new Nip(e.nip), e.passwordHash, e.active, roles(e.roles), e.createdAt, e.passwordChangedAt))
                .filter(a -> a.roles().contains(role)).toList();
    }

    @Override
    public void record(Instant at, Nip nip, Role role, String action, String source) {
        em.createNativeQuery("INSERT INTO role_audit (at, nip, role, action, source) VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, java.sql.Timestamp.from(at)).setParameter(2, nip.value()).setParameter(3, role.name())
                .setParameter(4, action).setParameter(5, source).executeUpdate();
        chain.append(source, "role." + action, nip.value(), role.name());
    }

    @Override
    public Optional<Account> find(Nip nip) {
        return AccountEntity.<AccountEntity>findByIdOptional(nip.value()).map(e -> new Account(nip, e.passwordHash,
                e.active, roles(e.roles), e.createdAt, e.passwordChangedAt));
    }

    @Override
    public void save(Account account) {
        AccountEntity entity = AccountEntity.<AccountEntity>findByIdOptional(account.nip().value()).orElseGet(() -> {
            AccountEntity e = new AccountEntity();
            e.nip = account.nip().value();
            e.createdAt = account.createdAt();
            return e;
        });
        entity.passwordHash = account.passwordHash();
        entity.active = account.active();
        entity.roles = account.roles().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        entity.passwordChangedAt = account.passwordChangedAt();
        entity.persist();
    }

    @Override
    public void save(PasswordResetLink link) {
        PasswordResetLinkEntity e = new PasswordResetLinkEntity();
        e.tokenHash = link.tokenHash();
        e.nip = link.nip().value();
        e.createdAt = link.createdAt();
        e.expiresAt = link.expiresAt();
        e.usedAt = link.usedAt();
        e.persist();
    }

    @Override
    public Optional<PasswordResetLink> findByTokenHash(String tokenHash) {
        return PasswordResetLinkEntity.<PasswordResetLinkEntity>findByIdOptional(tokenHash)
                .map(e -> new PasswordResetLink(e.tokenHash, new Nip(e.nip), e.createdAt, e.expiresAt, e.usedAt));
    }

    @Override
    public boolean markUsed(String tokenHash, Instant now) {
        return PasswordResetLinkEntity.update("usedAt = ?1 where tokenHash = ?2 and usedAt is null", now, tokenHash) == 1;
    }

    @Override
    public void retireOthers(Nip nip, Instant now) {
        PasswordResetLinkEntity.update("usedAt = ?1 where nip = ?2 and usedAt is null", now, nip.value());
    }

    @Override
    public long countIssuedSince(Nip nip, Instant since) {
        return PasswordResetLinkEntity.count("nip = ?1 and createdAt >= ?2", nip.value(), since);
    }

    private static Set<Role> roles(String stored) {
        if (stored == null || stored.isBlank()) {
            return EnumSet.of(Role.ASN);
        }
        return Arrays.stream(stored.split(",")).map(String::trim).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
