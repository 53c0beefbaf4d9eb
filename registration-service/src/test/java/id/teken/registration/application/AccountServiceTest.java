package id.teken.registration.application;

import java.time.Instant;

import id.teken.devstack.MovableClock;

import id.teken.registration.application.port.in.LogInCommand;
import id.teken.registration.application.port.in.ResetPasswordUseCase.ResetPasswordCommand;
import id.teken.registration.application.service.AccountService;
import id.teken.registration.domain.DomainException;
import id.teken.registration.domain.ErrorCode;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

import static id.teken.registration.application.Fakes.BUDI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest {

    private final Fakes.Directory directory = new Fakes.Directory();
    private final Fakes.Accounts accounts = new Fakes.Accounts();
    private final Fakes.Mailer mailer = new Fakes.Mailer();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-21T03:00:00Z"));
    private final Fakes.PlainHasher hasher = new Fakes.PlainHasher();
    private final Fakes.ResetRequests resetRequests = new Fakes.ResetRequests();
    private final AccountService service = new AccountService(accounts, accounts, directory, hasher,
            new Fakes.Tokens(), mailer, Fakes.throttle(clock), resetRequests, accounts,
            new AccountSettings("ponorogo.go.id", "https://teken.example", Duration.ofHours(1), 3, 5, Duration.ofMinutes(15), 20,
                    Duration.ofSeconds(3)), clock);

    /** Lupa Password as the person sees it: the request, then the background worker's round. */
    private void lupaPassword(Nip nip) {
        service.requestPasswordReset(nip);
        service.processResetRequests(20);
    }

    private String mailedToken() {
        String link = mailer.links.get(mailer.links.size() - 1);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void lupaPassword_mailsALinkToEmailSiasn_andTheLinkActivatesTheAccount() {
        lupaPassword(BUDI);
        assertThat(mailer.recipients).extracting(Object::toString).containsExactly("budi@example.com");
        assertThat(mailer.links.get(0)).startsWith("https://teken.example/lupa-password/");
        assertThat(accounts.find(BUDI)).hasValueSatisfying(a -> assertThat(a.canLogIn()).isFalse());

        service.resetPassword(new ResetPasswordCommand(mailedToken(), "Sandi-Kuat-2026".toCharArray()));

        assertThat(service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.0.0.1")).accessToken())
                .startsWith("token-for-" + BUDI.value());
    }

    @Test
    void unknownNip_orNoEmail_getsNoMailAndNoAccount() {
        lupaPassword(Nip.of("199912312020121001"));
        lupaPassword(Fakes.SRI);
        assertThat(mailer.links).isEmpty();
        assertThat(accounts.accounts).isEmpty();
    }

    @Test
    void resetMails_areLimitedPerHour() {
        for (int i = 0; i < 5; i++) {
            lupaPassword(BUDI);
        }
        assertThat(mailer.links).hasSize(3);
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        lupaPassword(BUDI);
        assertThat(mailer.links).hasSize(4);
    }

    @Test
    void link_isSingleUse_expires_andAnOlderLinkDiesWithTheNewPassword() {
        lupaPassword(BUDI);
        String first = mailedToken();
        lupaPassword(BUDI);
        String second = mailedToken();
        service.resetPassword(new ResetPasswordCommand(second, "Sandi-Kuat-2026".toCharArray()));
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(second, "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_USED);
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(first, "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_USED);

        lupaPassword(BUDI);
        String third = mailedToken();
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(third, "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_EXPIRED);
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand("x".repeat(43), "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_UNKNOWN);
    }

    @Test
    void weakPassword_leavesTheLinkUsable() {
        lupaPassword(BUDI);
        String token = mailedToken();
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(token, "lemah".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.PASSWORD_WEAK);
        service.resetPassword(new ResetPasswordCommand(token, "Sandi-Kuat-2026".toCharArray()));
    }

    @Test
    void wrongPassword_andUnknownNip_getTheSameAnswer_andRepeatedFailuresAreThrottled() {
        lupaPassword(BUDI);
        service.resetPassword(new ResetPasswordCommand(mailedToken(), "Sandi-Kuat-2026".toCharArray()));
        DomainException wrong = catchDomain(() -> service.logIn(LogInCommand.of(BUDI.value(), "Salah-Sekali-1", "10.0.0.1")));
        DomainException unknown = catchDomain(() -> service.logIn(LogInCommand.of("199912312020121001", "Salah-Sekali-1", "10.0.0.1")));
        assertThat(wrong.code()).isEqualTo(unknown.code()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(wrong.getMessage()).isEqualTo(unknown.getMessage());

        for (int i = 0; i < 4; i++) {
            catchDomain(() -> service.logIn(LogInCommand.of(BUDI.value(), "Salah-Sekali-1", "10.0.0.2")));
        }
        DomainException throttled = catchDomain(() -> service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.0.0.3")));
        assertThat(throttled.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(throttled.retryAfter()).isPositive();
    }

    @Test
    void inactiveAccount_cannotLogIn() {
        lupaPassword(BUDI);
        assertThat(catchDomain(() -> service.logIn(LogInCommand.of(BUDI.value(), "anything", "10.0.0.1"))).code())
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void lupaPassword_isOnlyQueuedInTheRequest_theSameForKnownAndUnknownNips() {
        service.requestPasswordReset(BUDI);
        service.requestPasswordReset(Nip.of("199912312020121001"));
        assertThat(mailer.links).isEmpty();
        assertThat(accounts.accounts).isEmpty();
        assertThat(resetRequests.queued).hasSize(2);
        assertThat(service.processResetRequests(20)).isEqualTo(2);
        assertThat(resetRequests.queued).isEmpty();
        assertThat(mailer.links).hasSize(1);
    }

    @Test
    void parallelStyleBurst_fromOneAddress_isARate_andTheRealUserGetsInSecondsLater() {
        lupaPassword(BUDI);
        service.resetPassword(new ResetPasswordCommand(mailedToken(), "Sandi-Kuat-2026".toCharArray()));
        int hashed = hasher.computed;
        for (int i = 0; i < 40; i++) {
            String nip = "19991231202012" + String.format("%04d", 1000 + i);
            catchDomain(() -> service.logIn(LogInCommand.of(nip, "Tebak-Saja-1", "10.9.9.9")));
        }
        // Twenty were evaluated (the burst); the rest were refused before any hash with a wait of seconds, not minutes.
        assertThat(hasher.computed - hashed).isEqualTo(20);
        DomainException refused = catchDomain(() -> service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.9.9.9")));
        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_ATTEMPTS);
        assertThat(refused.retryAfter()).isLessThanOrEqualTo(Duration.ofSeconds(3));
        clock.now = clock.now.plus(refused.retryAfter());
        assertThat(service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.9.9.9")).accessToken()).isNotBlank();
    }

    @Test
    void noHashingTurn_isAThrottle_withRetryAfter_andCostsNoTry() {
        lupaPassword(BUDI);
        service.resetPassword(new ResetPasswordCommand(mailedToken(), "Sandi-Kuat-2026".toCharArray()));
        hasher.busy = true;
        for (int i = 0; i < 10; i++) {
            DomainException busy = catchDomain(() -> service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.0.0.1")));
            assertThat(busy.code()).isEqualTo(ErrorCode.SERVICE_BUSY);
            assertThat(busy.code().kind()).isEqualTo(ErrorCode.Kind.THROTTLED);
            assertThat(busy.retryAfter()).isPositive();
        }
        hasher.busy = false;
        assertThat(service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.0.0.1")).accessToken()).isNotBlank();
    }

    @Test
    void operatorRoles_followTheConfiguration_bothWays_andAreAudited() {
        service.assign(Map.of(Role.VERIFIKATOR, Set.of(BUDI), Role.ADMIN, Set.of(BUDI)), "test");
        assertThat(accounts.find(BUDI).orElseThrow().roles()).contains(Role.VERIFIKATOR, Role.ADMIN);
        service.assign(Map.of(Role.VERIFIKATOR, Set.of(), Role.ADMIN, Set.of(BUDI)), "test");
        assertThat(accounts.find(BUDI).orElseThrow().roles()).doesNotContain(Role.VERIFIKATOR).contains(Role.ADMIN, Role.ASN);
        assertThat(accounts.roleChanges).containsExactlyInAnyOrder("GRANT VERIFIKATOR " + BUDI.value(), "GRANT ADMIN " + BUDI.value(),
                "REVOKE VERIFIKATOR " + BUDI.value());
    }

    @Test
    void operatorGrants_addRolesToTheToken() {
        service.assign(Map.of(Role.VERIFIKATOR, Set.of(BUDI)), "test");
        lupaPassword(BUDI);
        service.resetPassword(new ResetPasswordCommand(mailedToken(), "Sandi-Kuat-2026".toCharArray()));
        assertThat(service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.0.0.1")).roles())
                .containsExactlyInAnyOrder("ASN", "VERIFIKATOR");
    }

    private static DomainException catchDomain(Runnable r) {
        try {
            r.run();
        } catch (DomainException e) {
            return e;
        }
        throw new AssertionError("expected a DomainException");
    }
}
