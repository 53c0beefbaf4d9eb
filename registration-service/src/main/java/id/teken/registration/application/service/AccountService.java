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
import id.teken.registration.domain.Account;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PasswordPolicy;
import id.teken.registration.domain.PasswordResetLink;
import id.teken.registration.domain.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Accounts: login with throttling, "Lupa Password" links, and the operator's role grants. */
@ApplicationScoped
public class AccountService implements LogInUseCase, RequestPasswordResetUseCase, ResetPasswordUseCase,
        GrantOperatorRolesUseCase {

    private final AccountRepository accounts;
    private final PasswordResetLinks links;
    private final EmployeeDirectory directory;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final AccountMailer mailer;
    private final AttemptThrottle throttle;
    private final AccountSettings settings;
    private final Clock clock;
    private final String decoyHash;

    @Inject
    public AccountService(AccountRepository accounts, PasswordResetLinks links, EmployeeDirectory directory,
                          PasswordHasher hasher, AccessTokens tokens, AccountMailer mailer, AttemptThrottle throttle,
                          AccountSettings settings, Clock clock) {
        this.accounts = accounts;
        this.links = links;
        this.directory = directory;
        this.hasher = hasher;
        this.tokens = tokens;
        this.mailer = mailer;
        this.throttle = throttle;
        this.settings = settings;
        this.clock = clock;
        // Unknown NIPs are checked against this, so they cost as much time as a wrong password.
        this.decoyHash = hasher.hash("decoy-password-never-valid".toCharArray());
    }

    @Override
    @Transactional
    public LoginResult logIn(LogInCommand command) {
        String nipKey = "login-nip:" + command.nip().value();
        String addressKey = "login-ip:" + command.clientAddress();
        Optional<Duration> wait = throttle.blocked(nipKey, settings.maxFailuresPerNip())
                .or(() -> throttle.blocked(addressKey, settings.maxFailuresPerAddress()));
        if (wait.isPresent()) {
            throw new DomainException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "Terlalu banyak percobaan masuk yang gagal. Coba lagi nanti.", wait.get());
        }
        try {
            Optional<Account> account = accounts.find(command.nip()).filter(Account::canLogIn);
            boolean passwordOk = hasher.matches(command.password(),
                    account.map(Account::passwordHash).orElse(decoyHash)) && account.isPresent();
            Optional<Employee> employee = passwordOk ? directory.findByNip(command.nip()) : Optional.empty();
            if (!passwordOk || employee.isEmpty()) {
                throttle.recordFailure(nipKey);
                throttle.recordFailure(addressKey);
                throw new DomainException(ErrorCode.INVALID_CREDENTIALS, "NIP atau password salah.");
            }
            throttle.clear(nipKey);
            Set<Role> roles = account.get().roles();
            AccessTokens.IssuedToken token = tokens.issue(command.nip(), employee.get().nama(), roles);
            return new LoginResult(token.token(), token.expiresAt(),
                    roles.stream().map(Enum::name).collect(Collectors.toCollection(java.util.TreeSet::new)));
        } finally {
            Arrays.fill(command.password(), '\0');
        }
    }

    @Override
    @Transactional
    public void requestPasswordReset(Nip nip) {
        Instant now = clock.instant();
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
    public void grant(Map<Role, Set<Nip>> grants) {
        Instant now = clock.instant();
        grants.forEach((role, nips) -> nips.forEach(nip -> {
            Account account = accounts.find(nip).orElseGet(() -> Account.newInactive(nip, now));
            account.grant(role);
            accounts.save(account);
        }));
    }

    private static DomainException unknownLink() {
        return new DomainException(ErrorCode.RESET_LINK_UNKNOWN, "Tautan tidak dikenal. Minta tautan baru melalui Lupa Password.");
    }
}
