package id.teken.registration.application;

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
    private final Fakes.Throttle throttle = new Fakes.Throttle();
    private final Fakes.MovableClock clock = new Fakes.MovableClock();
    private final AccountService service = new AccountService(accounts, accounts, directory, new Fakes.PlainHasher(),
            new Fakes.Tokens(), mailer, throttle,
            new AccountSettings("ponorogo.go.id", "https://teken.example", Duration.ofHours(1), 3, 5, 20), clock);

    private String mailedToken() {
        String link = mailer.links.get(mailer.links.size() - 1);
        return link.substring(link.lastIndexOf('/') + 1);
    }

    @Test
    void lupaPassword_mailsALinkToEmailSiasn_andTheLinkActivatesTheAccount() {
        service.requestPasswordReset(BUDI);
        assertThat(mailer.recipients).extracting(Object::toString).containsExactly("budi@example.com");
        assertThat(mailer.links.get(0)).startsWith("https://teken.example/lupa-password/");
        assertThat(accounts.find(BUDI)).hasValueSatisfying(a -> assertThat(a.canLogIn()).isFalse());

        service.resetPassword(new ResetPasswordCommand(mailedToken(), "Sandi-Kuat-2026".toCharArray()));

        assertThat(service.logIn(LogInCommand.of(BUDI.value(), "Sandi-Kuat-2026", "10.0.0.1")).accessToken())
                .startsWith("token-for-" + BUDI.value());
    }

    @Test
    void unknownNip_orNoEmail_getsNoMailAndNoAccount() {
        service.requestPasswordReset(Nip.of("199912312020121001"));
        service.requestPasswordReset(Fakes.SRI);
        assertThat(mailer.links).isEmpty();
        assertThat(accounts.accounts).isEmpty();
    }

    @Test
    void resetMails_areLimitedPerHour() {
        for (int i = 0; i < 5; i++) {
            service.requestPasswordReset(BUDI);
        }
        assertThat(mailer.links).hasSize(3);
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        service.requestPasswordReset(BUDI);
        assertThat(mailer.links).hasSize(4);
    }

    @Test
    void link_isSingleUse_expires_andAnOlderLinkDiesWithTheNewPassword() {
        service.requestPasswordReset(BUDI);
        String first = mailedToken();
        service.requestPasswordReset(BUDI);
        String second = mailedToken();
        service.resetPassword(new ResetPasswordCommand(second, "Sandi-Kuat-2026".toCharArray()));
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(second, "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_USED);
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(first, "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_USED);

        service.requestPasswordReset(BUDI);
        String third = mailedToken();
        clock.now = clock.now.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(third, "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_EXPIRED);
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand("x".repeat(43), "Sandi-Lain-2026".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.RESET_LINK_UNKNOWN);
    }

    @Test
    void weakPassword_leavesTheLinkUsable() {
        service.requestPasswordReset(BUDI);
        String token = mailedToken();
        assertThatThrownBy(() -> service.resetPassword(new ResetPasswordCommand(token, "lemah".toCharArray())))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.PASSWORD_WEAK);
        service.resetPassword(new ResetPasswordCommand(token, "Sandi-Kuat-2026".toCharArray()));
    }

    @Test
    void wrongPassword_andUnknownNip_getTheSameAnswer_andRepeatedFailuresAreThrottled() {
        service.requestPasswordReset(BUDI);
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
        service.requestPasswordReset(BUDI);
        assertThat(catchDomain(() -> service.logIn(LogInCommand.of(BUDI.value(), "anything", "10.0.0.1"))).code())
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    void operatorGrants_addRolesToTheToken() {
        service.grant(Map.of(Role.VERIFIKATOR, Set.of(BUDI)));
        service.requestPasswordReset(BUDI);
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
