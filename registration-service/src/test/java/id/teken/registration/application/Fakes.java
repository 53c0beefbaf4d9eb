package id.teken.registration.application;

import id.teken.registration.application.port.out.AccessTokens;
import id.teken.registration.application.port.out.AccountMailer;
import id.teken.registration.application.port.out.AccountRepository;
import id.teken.registration.application.port.out.AttemptThrottle;
import id.teken.registration.application.port.out.CivilRegistry;
import id.teken.registration.application.port.out.EmployeeDirectory;
import id.teken.registration.application.port.out.PasswordHasher;
import id.teken.registration.application.port.out.PasswordResetLinks;
import id.teken.registration.application.port.out.PasswordResetRequests;
import id.teken.registration.application.port.out.RoleAudit;
import id.teken.registration.application.port.out.RegistrationEvents;
import id.teken.registration.application.port.out.RegistrationRepository;
import id.teken.registration.domain.Account;
import id.teken.registration.domain.CivilRecord;
import id.teken.registration.domain.EmailAddress;
import id.teken.registration.domain.EmailDinas;
import id.teken.registration.domain.Employee;
import id.teken.registration.domain.EmploymentStatus;
import id.teken.registration.domain.Nik;
import id.teken.registration.domain.Nip;
import id.teken.registration.domain.PasswordResetLink;
import id.teken.registration.domain.Registration;
import id.teken.registration.domain.Role;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory fakes of the out-ports that record what the services asked of them. */
final class Fakes {

    static final Nip BUDI = Nip.of("198503152010011001");
    static final Nik BUDI_NIK = Nik.of("3502011503850001");
    static final Nip JOKO = Nip.of("199206102019031006");
    static final Nip SRI = Nip.of("198107302006042008");

    static Employee employee(Nip nip, Nik nik, String nama, EmploymentStatus status, String email) {
        return new Employee(nip, Optional.ofNullable(nik), nama, status, "Pemkab", "Dinas", "Jabatan", "Jawa Timur",
                Optional.ofNullable(email).map(EmailAddress::new));
    }

    /** Directory and civil registry. */
    static final class Directory implements EmployeeDirectory, CivilRegistry {
        final Map<Nip, Employee> employees = new HashMap<>();
        final Map<Nik, CivilRecord> civil = new HashMap<>();

        Directory() {
            add(employee(BUDI, BUDI_NIK, "Budi Santoso", EmploymentStatus.PNS, "budi@example.com"));
            add(employee(JOKO, Nik.of("3502071006920006"), "Joko Susilo", EmploymentStatus.OTHER, "joko@example.com"));
            add(employee(SRI, null, "Sri Wahyuni", EmploymentStatus.PNS, null));
            civil.put(Nik.of("3502077007810009"), new CivilRecord(Nik.of("3502077007810009"), "Sri Wahyuni", Optional.empty()));
            civil.put(Nik.of("3502077007810010"), new CivilRecord(Nik.of("3502077007810010"), "Orang Lain", Optional.empty()));
        }

        void add(Employee e) {
            employees.put(e.nip(), e);
            e.nik().ifPresent(n -> civil.put(n, new CivilRecord(n, e.nama(), Optional.empty())));
        }

        @Override
        public Optional<Employee> findByNip(Nip nip) {
            return Optional.ofNullable(employees.get(nip));
        }

        @Override
        public Optional<CivilRecord> findByNik(Nik nik) {
            return Optional.ofNullable(civil.get(nik));
        }
    }

    /** Accounts, links and the role trail. */
    static final class Accounts implements AccountRepository, PasswordResetLinks, RoleAudit {
        final Map<Nip, Account> accounts = new HashMap<>();
        final Map<String, PasswordResetLink> links = new HashMap<>();
        final List<String> roleChanges = new ArrayList<>();

        @Override
        public List<Account> findWithRole(Role role) {
            return accounts.values().stream().filter(a -> a.roles().contains(role)).toList();
        }

        @Override
        public void record(Instant at, Nip nip, Role role, String action, String source) {
            roleChanges.add(action + " " + role + " " + nip.value());
        }

        @Override
        public Optional<Account> find(Nip nip) {
            return Optional.ofNullable(accounts.get(nip));
        }

        @Override
        public void save(Account account) {
            accounts.put(account.nip(), account);
        }

        @Override
        public void save(PasswordResetLink link) {
            links.put(link.tokenHash(), link);
        }

        @Override
        public Optional<PasswordResetLink> findByTokenHash(String tokenHash) {
            return Optional.ofNullable(links.get(tokenHash));
        }

        @Override
        public boolean markUsed(String tokenHash, Instant now) {
            PasswordResetLink l = links.get(tokenHash);
            if (l == null || l.usedAt() != null) {
                return false;
            }
            links.put(tokenHash, new PasswordResetLink(l.tokenHash(), l.nip(), l.createdAt(), l.expiresAt(), now));
            return true;
        }

        @Override
        public void retireOthers(Nip nip, Instant now) {
            links.replaceAll((k, l) -> l.nip().equals(nip) && l.usedAt() == null
                    ? new PasswordResetLink(l.tokenHash(), l.nip(), l.createdAt(), l.expiresAt(), now) : l);
        }

        @Override
        public long countIssuedSince(Nip nip, Instant since) {
            return links.values().stream().filter(l -> l.nip().equals(nip) && !l.createdAt().isBefore(since)).count();
        }
    }

    /** Registrations. */
    static final class Registrations implements RegistrationRepository {
        final Map<Nip, Registration> rows = new HashMap<>();

        @Override
        public Optional<Registration> find(Nip nip) {
            return Optional.ofNullable(rows.get(nip));
        }

        @Override
        public void save(Registration r) {
            rows.put(r.nip(), new Registration(r.nip(), r.id(), r.nik(), r.emailSiasn(), r.emailDinas(), r.status(),
                    r.registeredAt(), r.updatedAt(), r.certificateSerial().orElse(null), r.validFrom().orElse(null),
                    r.validTo().orElse(null), r.statusNote().orElse(null), r.version() + 1));
        }

        @Override
        public Optional<Registration> findByRegistrationId(java.util.UUID registrationId) {
            return rows.values().stream().filter(r -> r.id().equals(registrationId)).findFirst();
        }

        @Override
        public boolean emailDinasTakenByOther(EmailDinas emailDinas, Nip nip) {
            return rows.values().stream().anyMatch(r -> !r.nip().equals(nip)
                    && r.emailDinas().value().equalsIgnoreCase(emailDinas.value()) && !r.status().allowsRegistration());
        }

        @Override
        public List<Registration> findAllByNik(id.teken.registration.domain.Nik nik) {
            return rows.values().stream().filter(r -> r.nik().equals(nik) && !r.status().allowsRegistration()).toList();
        }

        @Override
        public List<Registration> findByEmail(String email) {
            return rows.values().stream().filter(r -> !r.status().allowsRegistration() && (r.emailDinas().value().equalsIgnoreCase(email)
                    || r.emailSiasn().value().equalsIgnoreCase(email))).toList();
        }

        @Override
        public boolean emailUsedByOther(String email, Nip nip) {
            return findByEmail(email).stream().anyMatch(r -> !r.nip().equals(nip));
        }
    }

    /** Reversible "hash" that is enough to test the service's logic; {@code busy} plays a hasher with no free turn. */
    static final class PlainHasher implements PasswordHasher {
        boolean busy;
        int computed;

        @Override
        public String hash(char[] password) {
            if (busy) {
                throw new Busy();
            }
            return "h:" + new String(password);
        }

        @Override
        public boolean matches(char[] password, String hash) {
            if (busy) {
                throw new Busy();
            }
            computed++;
            return hash.equals("h:" + new String(password));
        }
    }

    /** Queued Lupa Password requests. */
    static final class ResetRequests implements PasswordResetRequests {
        final List<Pending> queued = new ArrayList<>();
        long next = 1;

        @Override
        public void enqueue(Nip nip, Instant at) {
            queued.add(new Pending(next++, nip, at));
        }

        @Override
        public List<Pending> claim(int max) {
            return List.copyOf(queued.subList(0, Math.min(max, queued.size())));
        }

        @Override
        public void delete(long id) {
            queued.removeIf(p -> p.id() == id);
        }
    }

    /** Tokens named after their subject. */
    static final class Tokens implements AccessTokens {
        @Override
        public IssuedToken issue(Nip nip, String name, Set<Role> roles) {
            return new IssuedToken("token-for-" + nip.value() + "-" + roles, Instant.EPOCH);
        }
    }

    /** Records mails. */
    static final class Mailer implements AccountMailer {
        final List<String> links = new ArrayList<>();
        final List<EmailAddress> recipients = new ArrayList<>();
        boolean down;

        final List<String> notices = new ArrayList<>();

        @Override
        public void sendPasswordResetLink(EmailAddress to, String nama, String link, Instant expiresAt) {
            if (down) {
                throw new MailNotSent("down");
            }
            recipients.add(to);
            links.add(link);
        }

        @Override
        public void sendAccountCreated(EmailAddress to, String nama, String accountNumber, String link, Instant expiresAt) {
            recipients.add(to);
            links.add(link);
        }

        @Override
        public void sendClientDisabled(EmailAddress to, String nama, String clientUsername, String reason, Instant at) {
            notices.add(to.value() + " " + clientUsername);
        }
    }

    /** Records events. */
    static final class Events implements RegistrationEvents {
        final List<Registration> submitted = new ArrayList<>();

        @Override
        public void submitted(Registration registration, Employee employee) {
            submitted.add(registration);
        }
    }

    /** The real in-memory throttle, on the test's clock. */
    static AttemptThrottle throttle(Clock clock) {
        return new id.teken.registration.adapter.out.throttle.InMemoryAttemptThrottle(clock);
    }


    private Fakes() {
    }
}
