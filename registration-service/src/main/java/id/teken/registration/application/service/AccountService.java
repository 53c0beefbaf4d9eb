package id.teken.registration.application.service;

import id.teken.registration.application.AccountSettings;
import id.teken.registration.application.port.in.GrantOperatorRolesUseCase;
import id.teken.registration.application.port.in.LogInCommand;
import id.teken.registration.application.port.in.LogInUseCase;
import id.teken.registration.application.port.in.RequestPasswordResetUseCase;
import id.teken.registration.application.port.in.ResetPasswordUseCase;
import id.teken.registration.application.port.out.AccessTokens;
import id.teken.registration.application.port.out.AccountMailer;
import id.teken.registration.application.port.out.AccountRepository;
import id.teken.registration.application.port.out.AttemptThrottle;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.application.port.out.PasswordHasher;
import id.teken.registration.application.port.out.PasswordResetLinks;
import id.teken.registration.application.port.out.PasswordResetRequests;
import id.teken.registration.application.port.out.RoleAudit;
import id.teken.registration.domain.Account;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PasswordPolicy;
import id.teken.registration.domain.PasswordResetLink;
import id.teken.registration.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import lombok.RequiredArgsConstructor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/** Accounts: login with throttling and bounded hashing, "Lupa Password" links, and the operator roles from configuration. */
@ApplicationScoped
@RequiredArgsConstructor
public class AccountService implements LogInUseCase, RequestPasswordResetUseCase, ResetPasswordUseCase,
        GrantOperatorRolesUseCase {

    private final AccountRepository accounts;
    private final PasswordResetLinks links;
    private final EmployeeDirectory directory;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final AccountMailer mailer;
    private final AttemptThrottle throttle;
    private final PasswordResetRequests resetRequests;
    private final RoleAudit roleAudit;
    private final AccountSettings settings;
    private final Clock clock;
    /** Unknown NIPs are checked against this, so they cost as much time as a wrong password (made on first use). */
    private final AtomicReference<String> decoyHash = new AtomicReference<>();

    @Override
    @Transactional
    public LoginResult logIn(LogInCommand command) {
        String nipKey = "login-nip:" + command.nip().value();
        String addressKey = "login-ip:" + command.clientAddress();
        // Counted before the hash is computed, so parallel attempts see each other: the address spends a token (a rate:
        // a few seconds' wait, never a ban), the NIP one of its tries in the window.
        Optional<Duration> wait = throttle.take(addressKey, settings.addressBurst(), settings.addressRefill());
        if (wait.isPresent()) {
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS, "Terlalu banyak percobaan masuk dari alamat Anda. Coba lagi "
                    + "dalam beberapa detik.", wait.get());
        }
        wait = throttle.reserve(nipKey, settings.maxFailuresPerNip(), settings.failureWindow());
        if (wait.isPresent()) {
            throttle.giveBack(addressKey);
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Terlalu banyak percobaan masuk yang gagal untuk NIP ini. Coba lagi nanti.", wait.get());
        }
        try {
            Optional<Account> account = accounts.find(command.nip()).filter(Account::canLogIn);
            boolean passwordOk = hasher.matches(command.password(),
                    account.map(Account::passwordHash).orElseGet(this::decoyHash)) && account.isPresent();
            Optional<Employee> employee = passwordOk ? directory.findByNip(command.nip()) : Optional.empty();
            if (!passwordOk || employee.isEmpty()) {
                throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "NIP atau password salah.");
            }
            throttle.clear(nipKey);
            throttle.giveBack(addressKey);
            Set<Role> roles = account.get().roles();
            AccessTokens.IssuedToken token = tokens.issue(command.nip(), employee.get().nama(), roles);
            return new LoginResult(token.token(), token.expiresAt(),
                    roles.stream().map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new)));
        } catch (PasswordHasher.Busy e) {
            // Not evaluated: neither the NIP nor the address spent a try.
            throttle.giveBack(nipKey);
            throttle.giveBack(addressKey);
            throw new DomainException(ErrorCode.SERVICE_BUSY, "Layanan sedang sibuk. Coba lagi dalam beberapa detik.",
                    Duration.ofSeconds(2));
        } catch (EmployeeDirectory.DirectoryUnavailable e) {
            throttle.giveBack(nipKey);
            throttle.giveBack(addressKey);
            throw e;
        } finally {
            Arrays.fill(command.password(), '\0');
        }
    }

    /**
     * Lupa Password answers at once and the same way for every NIP: the request is only queued here (the same work for a
     * known and an unknown NIP), and {@link #processResetRequests} sends the mail, if any, in the background.
     */
    @Override
    @Transactional
    public void requestPasswordReset(Nip nip) {
        resetRequests.enqueue(nip, clock.instant());
    }

    @Override
    @Transactional
    public int processResetRequests(int max) {
        int handled = 0;
        for (PasswordResetRequests.Pending pending : resetRequests.claim(max)) {
            try {
                sendResetLink(pending.nip(), clock.instant());
            } catch (AccountMailer.MailNotSent e) {
                // The directory's address is unusable: nothing can be sent, now or later.
            }
            resetRequests.delete(pending.id());
            handled++;
        }
        return handled;
    }

    private void sendResetLink(Nip nip, Instant now) {
        Optional<Employee> employee = directory.findByNip(nip);
        if (employee.isEmpty() || employee.get().emailSiasn().isEmpty()) {
            return;
        }
        if (links.countIssuedSince(nip, now.minus(Duration.ofHours(1))) >= settings.maxResetMailsPerHour()) {
            return;
        }
        Account account = accounts.find(nip).orElseGet(() -> Account.newInactive(nip, now));
        accounts.save(account);
        PasswordResetLink.Issued issued = PasswordResetLink.issue(nip, now, settings.resetLinkValidity());
        links.save(issued.link());
        mailer.sendPasswordResetLink(employee.get().emailSiasn().get(), employee.get().nama(),
                settings.publicUrl() + "/lupa-password/" + issued.token(), issued.link().expiresAt());
    }

    @Override
    @Transactional
    public void resetPassword(ResetPasswordCommand command) {
        try {
            if (!PasswordResetLink.wellFormed(command.token())) {
                throw unknownLink();
            }
            Instant now = clock.instant();
            String hash = PasswordResetLink.hash(command.token());
            PasswordResetLink link = links.findByTokenHash(hash).orElseThrow(AccountService::unknownLink);
            link.checkUsable(now);
            PasswordPolicy.check(command.newPassword(), link.nip());
            if (!links.markUsed(hash, now)) {
                throw new DomainException(ErrorCode.RESET_LINK_USED, "Tautan ini sudah digunakan.");
            }
            links.retireOthers(link.nip(), now);
            Account account = accounts.find(link.nip()).orElseGet(() -> Account.newInactive(link.nip(), now));
            account.setPassword(hasher.hash(command.newPassword()), now);
            accounts.save(account);
        } finally {
            Arrays.fill(command.newPassword(), '\0');
        }
    }

    @Override
    @Transactional
    public Changes assign(Map<Role, Set<Nip>> holders, String source) {
        Instant now = clock.instant();
        int granted = 0;
        int removed = 0;
        for (Map.Entry<Role, Set<Nip>> entry : holders.entrySet()) {
            Role role = entry.getKey();
            for (Account holder : accounts.findWithRole(role)) {
                if (!entry.getValue().contains(holder.nip())) {
                    holder.revoke(role);
                    accounts.save(holder);
                    roleAudit.record(now, holder.nip(), role, "REVOKE", source);
                    removed++;
                }
            }
            for (Nip nip : entry.getValue()) {
                Account account = accounts.find(nip).orElseGet(() -> Account.newInactive(nip, now));
                if (!account.roles().contains(role)) {
                    account.grant(role);
                    accounts.save(account);
                    roleAudit.record(now, nip, role, "GRANT", source);
                    granted++;
                }
            }
        }
        return new Changes(granted, removed);
    }

    private static DomainException unknownLink() {
        return new DomainException(ErrorCode.RESET_LINK_UNKNOWN, "Tautan tidak dikenal. Minta tautan baru melalui Lupa Password.");
    }

    private String decoyHash() {
        String hash = decoyHash.get();
        if (hash == null) {
            decoyHash.compareAndSet(null, hasher.hash("decoy-password-never-valid".toCharArray()));
            hash = decoyHash.get();
        }
        return hash;
    }
}
