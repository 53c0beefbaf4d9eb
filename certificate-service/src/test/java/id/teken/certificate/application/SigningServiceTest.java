package id.teken.certificate.application;

import id.teken.certificate.application.fakes.InMemoryPassphraseAttempts;
import id.teken.certificate.application.port.in.AnswerRevocationQueriesUseCase;
import id.teken.certificate.application.port.in.PublishPkiUseCase;
import id.teken.certificate.application.port.in.SignHashUseCase.AuthorizeCommand;
import id.teken.certificate.application.port.in.SignHashUseCase.SignAuthorizedCommand;
import id.teken.certificate.application.port.in.SignHashUseCase.SignHashesCommand;
import id.teken.certificate.application.port.in.SignHashUseCase.SignedHashes;
import id.teken.certificate.application.port.out.CertificateMailer;
import id.teken.certificate.application.port.out.CredentialRepository;
import id.teken.certificate.application.port.out.KeyCustody;
import id.teken.certificate.application.port.out.SubscriberRepository;
import id.teken.certificate.application.service.PassphraseGuard;
import id.teken.certificate.application.service.SignatureAuthorizations;
import id.teken.certificate.application.service.SigningService;
import id.teken.certificate.domain.Credential;
import id.teken.certificate.domain.DomainException;
import id.teken.certificate.domain.ErrorCode;
import id.teken.certificate.domain.SigningGate;
import id.teken.certificate.domain.Subscriber;
import id.teken.certificate.domain.SubscriberIdentity;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Sign-hash behind the gate in the application service: recording in-memory fakes, the real guard and gate. */
class SigningServiceTest {

    private static final String NIP = "198503152010011001";
    private static final String RIGHT = "Benar#Sekali9";
    private static final byte[] D1 = new byte[32];
    private static final byte[] D2 = new byte[32];

    static {
        D1[0] = 1;
        D2[0] = 2;
    }

    private final Map<UUID, Credential> credentials = new ConcurrentHashMap<>();
    private final List<String> lockMails = new ArrayList<>();
    private final List<String> unlocks = new ArrayList<>();
    private final List<String> resealedStored = new ArrayList<>();
    private final InMemoryPassphraseAttempts attempts = new InMemoryPassphraseAttempts();
    private boolean custodyBroken;
    private boolean sealedTheOldWay;
    private final Instant now = Instant.parse("2026-12-01T03:00:00Z");
    private final Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    private final Credential credential = new Credential(UUID.randomUUID(), NIP, "ABC123", "CN=Budi", "-----LEAF-----\n",
            now.minusSeconds(3600), now.plus(Duration.ofDays(700)), Credential.Status.ACTIVE, null, null, new byte[] {9},
            "PPSE-2026-01", now, now);

    private final CredentialRepository credentialRepository = new CredentialRepository() {
        public void insert(Credential c) {
            credentials.put(c.id(), c);
        }

        public boolean transition(Credential from, Credential to) {
            return credentials.replace(from.id(), from, to);
        }

        public Optional<Credential> findById(UUID id) {
            return Optional.ofNullable(credentials.get(id));
        }

        public boolean replaceSealedKey(UUID id, byte[] expected, byte[] replacement) {
            resealedStored.add(HexFormat.of().formatHex(replacement));
            return true;
        }

        public Optional<Credential> findActive(String nip) {
            return credentials.values().stream().filter(c -> c.nip().equals(nip) && c.status() == Credential.Status.ACTIVE).findFirst();
        }

        public List<Credential> findRevoked() {
            return List.of();
        }

        public List<Credential> findByNip(String nip) {
            return credentials.values().stream().filter(c -> c.nip().equals(nip)).toList();
        }

        public List<Credential> findActiveEndingBefore(Instant instant) {
            return List.of();
        }

        public boolean markReminded(UUID credentialId, int days) {
            return true;
        }

        public Optional<Credential> findBySerial(String serialHex) {
            return credentials.values().stream().filter(c -> c.serialNumber().equals(serialHex)).findFirst();
        }

        public void insertSeal(Credential c, String sealId) {
            throw new UnsupportedOperationException();
        }

        public Optional<Credential> findActiveSeal(String sealId) {
            return Optional.empty();
        }

        public List<Credential> findBySeal(String sealId) {
            return List.of();
        }
    };

    /** Opens for the right passphrase only; a "signature" is the digest's first byte, so order shows. */
    private final KeyCustody custody = new KeyCustody() {
        public GeneratedKey generate(UUID credentialId, char[] passphrase) {
            throw new UnsupportedOperationException();
        }

        public GeneratedKey generateSeal(UUID credentialId) {
            throw new UnsupportedOperationException();
        }

        public Unlocked unlockSeal(UUID credentialId, byte[] sealedKey) {
            throw new UnsupportedOperationException();
        }

        public Optional<Unlocked> unlock(UUID credentialId, byte[] sealedKey, char[] passphrase) {
            unlocks.add(new String(passphrase));
            if (custodyBroken) {
                throw new IllegalStateException("custody unavailable");
            }
            if (!RIGHT.equals(new String(passphrase))) {
                return Optional.empty();
            }
            Optional<byte[]> resealed = sealedTheOldWay ? Optional.of(new byte[] {7, 7}) : Optional.empty();
            return Optional.of(new Unlocked() {
                public Optional<byte[]> resealed() {
                    return resealed;
                }

                public void destroy() {
                }
            });
        }

        public List<byte[]> sign(Unlocked key, String digestAlgorithm, List<byte[]> digests) {
            return digests.stream().map(d -> new byte[] {'s', d[0]}).toList();
        }
    };

    private SigningService service() {
        credentials.put(credential.id(), credential);
        SubscriberRepository subscribers = new SubscriberRepository() {
            public Optional<Subscriber> find(String nip) {
                return Optional.of(new Subscriber(nip, "reg-1", new SubscriberIdentity(nip, "3502011503850001", "Budi Santoso",
                        "budi@ponorogo.go.id", "Pemkab", "Diskominfo", "Pranata", "Jawa Timur"), now, null));
            }

            public void save(Subscriber subscriber) {
            }
        };
        CertificateMailer mailer = (CertificateMailer) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {CertificateMailer.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendCredentialLocked")) {
                        lockMails.add(((SubscriberIdentity) args[0]).emailDinas() + " " + args[2]);
                    }
                    return null;
                });
        PublishPkiUseCase pki = (PublishPkiUseCase) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {PublishPkiUseCase.class}, (proxy, method, args) -> new byte[] {1, 2, 3});
        AnswerRevocationQueriesUseCase revocation = new AnswerRevocationQueriesUseCase() {
            public byte[] ocsp(byte[] request) {
                return new byte[0];
            }

            public byte[] timestamp(byte[] query) {
                return new byte[0];
            }

            public byte[] ocspFor(String serialHex) {
                return ("ocsp " + serialHex).getBytes();
            }

            public byte[] timestampTokenOver(byte[] data) {
                return new byte[] {'t', data[1]};
            }
        };
        PassphraseGuard guard = new PassphraseGuard(credentialRepository, subscribers, attempts, mailer,
                new SigningGate(3, Duration.ofMinutes(30)), clock);
        return new SigningService(guard, custody, pki, revocation, new SignatureAuthorizations(Duration.ofSeconds(30), clock), clock);
    }

    private static SignHashesCommand sign(String passphrase, String channel, byte[]... digests) {
        return new SignHashesCommand(NIP, List.of(digests), "SHA-256", passphrase.toCharArray(), channel);
    }

    private static ErrorCode code(Throwable e) {
        return ((DomainException) e).code();
    }

    @Test
    void theRightPassphrase_signsEveryDigestInOrder_withTheChain() {
        SignedHashes signed = service().signHashes(sign(RIGHT, "owner", D1, D2));
        assertThat(signed.signatures()).containsExactly(new byte[] {'s', 1}, new byte[] {'s', 2});
        assertThat(signed.signatureAlgorithm()).isEqualTo("SHA256withRSA");
        assertThat(signed.serialNumber()).isEqualTo("ABC123");
        assertThat(signed.certificateChainPem()).hasSize(3).first().isEqualTo("-----LEAF-----\n");
        assertThat(signed.timestampTokens()).isEmpty();
        assertThat(signed.ocspResponse()).isNull();
    }

    @Test
    void timestampsAndOcsp_comeBackPerSignature_andForTheSerial() {
        SignedHashes signed = service().signHashes(new SignHashesCommand(NIP, List.of(D1, D2), "SHA-256", RIGHT.toCharArray(), "owner",
                true, true));
        assertThat(signed.timestampTokens()).containsExactly(new byte[] {'t', 1}, new byte[] {'t', 2});
        assertThat(new String(signed.ocspResponse())).isEqualTo("ocsp ABC123");
    }

    @Test
    void wrongPassphrases_countDown_thenLock_mailTheOwnerOnce_andTheRightOneWaits() {
        SigningService service = service();
        assertThatThrownBy(() -> service.signHashes(sign("Salah#1", "owner", D1))).satisfies(e -> {
            assertThat(code(e)).isEqualTo(ErrorCode.PASSPHRASE_WRONG);
            assertThat(e.getMessage()).contains("Sisa percobaan: 2").doesNotContain("Salah#1");
        });
        assertThatThrownBy(() -> service.signHashes(sign("Salah#2", "owner", D1))).hasMessageContaining("Sisa percobaan: 1");
        assertThatThrownBy(() -> service.signHashes(sign("Salah#3", "owner", D1))).satisfies(e -> {
            assertThat(code(e)).isEqualTo(ErrorCode.CREDENTIAL_LOCKED);
            assertThat(((DomainException) e).retryAfter()).isEqualTo(Duration.ofMinutes(30));
        });
        assertThat(lockMails).containsExactly("budi@ponorogo.go.id null");
        unlocks.clear();
        assertThatThrownBy(() -> service.signHashes(sign(RIGHT, "owner", D1))).extracting(SigningServiceTest::code)
                .isEqualTo(ErrorCode.CREDENTIAL_LOCKED);
        assertThat(unlocks).as("no key derivation while locked").isEmpty();
        assertThat(lockMails).hasSize(1);
    }

    @Test
    void aSystemClientsWrongPassphrases_lockOnlyThatClient() {
        SigningService service = service();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> service.signHashes(sign("Salah#x", "client:simpeg", D1))).isInstanceOf(DomainException.class);
        }
        assertThat(lockMails).containsExactly("budi@ponorogo.go.id simpeg");
        assertThatThrownBy(() -> service.signHashes(sign(RIGHT, "client:simpeg", D1))).extracting(SigningServiceTest::code)
                .isEqualTo(ErrorCode.CREDENTIAL_LOCKED);
        assertThat(service.signHashes(sign(RIGHT, "owner", D1)).signatures()).hasSize(1);
    }

    @Test
    void thePassphrase_isWipedAfterEveryCall_rightOrWrong() {
        SigningService service = service();
        char[] right = RIGHT.toCharArray();
        char[] wrong = "Salah#1".toCharArray();
        service.signHashes(new SignHashesCommand(NIP, List.of(D1), "SHA-256", right, "owner"));
        assertThatThrownBy(() -> service.signHashes(new SignHashesCommand(NIP, List.of(D1), "SHA-256", wrong, "owner")))
                .isInstanceOf(DomainException.class);
        assertThat(new String(right)).isEqualTo("\0".repeat(RIGHT.length()));
        assertThat(new String(wrong)).isEqualTo("\0".repeat(7));
    }

    @Test
    void aCredentialThatIsNotActive_isRefusedBeforeAnyKeyIsOpened() {
        SigningService service = service();
        credentials.put(credential.id(), credential.suspend(now));
        assertThatThrownBy(() -> service.signHashes(sign(RIGHT, "owner", D1))).extracting(SigningServiceTest::code)
                .isEqualTo(ErrorCode.CERTIFICATE_NOT_ACTIVE);
        assertThat(unlocks).isEmpty();
    }

    @Test
    void aKeySealedTheOldWay_isStoredResealed_onItsRightUse() {
        sealedTheOldWay = true;
        service().signHashes(sign(RIGHT, "owner", D1));
        assertThat(resealedStored).containsExactly("0707");
    }

    @Test
    void aCustodyFailure_givesTheTryBack_soItNeverLocks() {
        SigningService service = service();
        custodyBroken = true;
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> service.signHashes(sign(RIGHT, "owner", D1))).isInstanceOf(IllegalStateException.class);
        }
        custodyBroken = false;
        assertThat(service.signHashes(sign(RIGHT, "owner", D1)).signatures()).hasSize(1);
    }

    @Test
    void anAuthorization_signsOnceForItsSignerAndChannel() {
        SigningService service = service();
        String sad = service.authorize(new AuthorizeCommand(NIP, RIGHT.toCharArray(), "owner", 1)).sad();
        assertThatThrownBy(() -> service.signAuthorized(new SignAuthorizedCommand(NIP, sad, List.of(D1), "SHA-256", "client:lain",
                false, false))).extracting(SigningServiceTest::code).isEqualTo(ErrorCode.AUTHORIZATION_INVALID);
        assertThat(service.signAuthorized(new SignAuthorizedCommand(NIP, sad, List.of(D1), "SHA-256", "owner", false, false))
                .signatures()).containsExactly(new byte[] {'s', 1});
        assertThatThrownBy(() -> service.signAuthorized(new SignAuthorizedCommand(NIP, sad, List.of(D2), "SHA-256", "owner",
                false, false))).extracting(SigningServiceTest::code).isEqualTo(ErrorCode.AUTHORIZATION_INVALID);
    }

    @Test
    void anAuthorizationForANumberOfSignatures_doesNotServeWhereOnlyOneBoundToHashesWill() {
        SigningService service = service();
        String counted = service.authorize(new AuthorizeCommand(NIP, RIGHT.toCharArray(), "owner", 2)).sad();
        assertThatThrownBy(() -> service.signAuthorized(new SignAuthorizedCommand(NIP, counted, List.of(D1), "SHA-256", "owner",
                false, false, true))).extracting(SigningServiceTest::code).isEqualTo(ErrorCode.AUTHORIZATION_INVALID);
        // Refused without using it up: it still serves where a number of signatures will do.
        assertThat(service.signAuthorized(new SignAuthorizedCommand(NIP, counted, List.of(D1, D2), "SHA-256", "owner", false, false))
                .signatures()).hasSize(2);
        String bound = service.authorize(new AuthorizeCommand(NIP, RIGHT.toCharArray(), "owner", 1, List.of(D1), null)).sad();
        assertThat(service.signAuthorized(new SignAuthorizedCommand(NIP, bound, List.of(D1), "SHA-256", "owner", false, false, true))
                .signatures()).hasSize(1);
    }

    @Test
    void aSuspensionAfterTheAuthorization_wins() {
        SigningService service = service();
        String sad = service.authorize(new AuthorizeCommand(NIP, RIGHT.toCharArray(), "owner", 2)).sad();
        credentials.put(credential.id(), credential.suspend(now));
        assertThatThrownBy(() -> service.signAuthorized(new SignAuthorizedCommand(NIP, sad, List.of(D1), "SHA-256", "owner",
                false, false))).extracting(SigningServiceTest::code).isEqualTo(ErrorCode.CERTIFICATE_NOT_ACTIVE);
    }

    @Test
    void anUnknownSigner_isCertificateNotFound() {
        assertThatThrownBy(() -> service().signHashes(new SignHashesCommand("199912312020121001", List.of(D1), "SHA-256",
                RIGHT.toCharArray(), "owner"))).extracting(SigningServiceTest::code).isEqualTo(ErrorCode.CERTIFICATE_NOT_FOUND);
    }
}
