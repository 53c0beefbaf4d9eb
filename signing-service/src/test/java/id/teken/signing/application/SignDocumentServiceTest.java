package id.teken.signing.application;

import id.teken.signing.application.port.in.SignDocumentUseCase.Requester;
import id.teken.signing.application.port.in.SignDocumentUseCase.SignCommand;
import id.teken.signing.application.port.in.SignDocumentUseCase.SignedDocument;
import id.teken.signing.application.port.in.SignDocumentUseCase.SignerRef;
import id.teken.signing.application.port.out.PdfSigner;
import id.teken.signing.application.port.out.SignedDocuments;
import id.teken.signing.application.port.out.SignerDirectory;
import id.teken.signing.application.port.out.SignerStatuses;
import id.teken.signing.application.port.out.SigningEvents;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.application.service.ClientBudget;
import id.teken.signing.application.service.DocumentWork;
import id.teken.signing.application.service.RecentSignerCertificates;
import id.teken.signing.application.service.SignDocumentService;
import id.teken.signing.application.service.Transactions;
import id.teken.signing.domain.Appearance;
import id.teken.signing.domain.CertificateStatus;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import id.teken.signing.domain.PadesLevel;
import id.teken.signing.domain.PdfDocument;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The signing application service with recording fakes of its out-ports (certificate-service, the PDF engine, the
 * records, the events): what is asked of whom, in which order, and what is recorded when something says no.
 */
class SignDocumentServiceTest {

    private static final String NIP = "198503152010011001";
    private static final String PASS = "Kebun#Teh7Lawu";
    private static final Instant NOW = Instant.parse("2026-12-01T03:00:00Z");

    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<SignedDocuments.SignedDocumentRecord> saved = new CopyOnWriteArrayList<>();
    private CertificateStatus projected = CertificateStatus.ISSUE;
    private SigningKeys.SignerCertificate certificate = certificate("AA01", CertificateStatus.ISSUE, false);
    private String grantedSerial = "AA01";
    private DomainException passphraseCheck;
    private boolean authorizationLost;
    private String badFile;

    private static SigningKeys.SignerCertificate certificate(String serial, CertificateStatus status, boolean locked) {
        return new SigningKeys.SignerCertificate(serial, "Budi Santoso", status, locked, List.of(new byte[] {1}));
    }

    private final SigningKeys keys = new SigningKeys() {
        public SignerCertificate signerCertificate(String nip, String channel) {
            calls.add("certificate");
            return certificateAfterFirstLookup != null ? certificateAfterFirstLookup : certificate;
        }

        public CompletableFuture<SignerCertificate> signerCertificateAsync(String nip, String channel) {
            calls.add("certificate");
            return CompletableFuture.completedFuture(certificate);
        }

        public CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures) {
            calls.add("authorize " + new String(passphrase) + " x" + signatures);
            return passphraseCheck != null ? CompletableFuture.failedFuture(passphraseCheck)
                    : CompletableFuture.completedFuture(new Authorization("sad-1", grantedSerial));
        }

        public CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures,
                                                          List<byte[]> hashes, java.time.Duration lifetime) {
            return authorize(nip, passphrase, channel, signatures);
        }

        public Signatures signAuthorized(String nip, String sad, List<byte[]> digests, String algorithm, String channel,
                                         boolean timestamps, boolean ocsp, boolean boundOnly) {
            calls.add("signAuthorized " + sad + " " + digests.stream().map(String::new).toList() + " ts=" + timestamps + " ocsp=" + ocsp);
            if (authorizationLost) {
                throw new DomainException(ErrorCode.AUTHORIZATION_INVALID, "lost");
            }
            return values(digests);
        }

        public java.time.Instant requestApproval(String nip, String channel, String clientName, int signatures) {
            throw new AssertionError("not used");
        }

        public Authorization redeemApproval(String nip, String channel, String code) {
            throw new AssertionError("not used");
        }

        public void revoke(String sad) {
            calls.add("revoke " + sad);
        }

        public Signatures signDigests(String nip, List<byte[]> digests, String algorithm, char[] passphrase, String channel,
                                      boolean timestamps, boolean ocsp) {
            calls.add("signDigests " + new String(passphrase));
            return values(digests);
        }

        private Signatures values(List<byte[]> digests) {
            return new Signatures(digests.stream().map(d -> ("v:" + new String(d)).getBytes()).toList(), List.of(), null);
        }
    };

    /** A prepared "signature" is the document's text; the finished PDF is the text and the value. */
    private record FakePrepared(byte[] digest, String serial) implements PdfSigner.Prepared {
    }

    private final PdfSigner pdfs = new PdfSigner() {
        public Inspected inspect(byte[] pdf, Appearance appearance) {
            String text = new String(pdf, StandardCharsets.US_ASCII);
            if (text.equals(badFile)) {
                throw new DomainException(ErrorCode.PDF_INVALID, "PDF rusak atau tidak dapat dibaca.");
            }
            return new Inspected(1, 0, null);
        }

        public Prepared prepare(byte[] pdf, Inspected inspected, Look look, List<byte[]> chain, PadesLevel level, Instant at) {
            calls.add("prepare " + new String(pdf, StandardCharsets.US_ASCII).substring(9));
            return new FakePrepared(new String(pdf, StandardCharsets.US_ASCII).substring(9).getBytes(), "");
        }

        public byte[] finish(Prepared prepared, byte[] value, Evidence evidence) {
            return ("signed " + new String(prepared.digest()) + " " + new String(value)).getBytes();
        }

        public byte[] extend(byte[] signedPdf) {
            throw new UnsupportedOperationException();
        }
    };

    private SignDocumentService service() {
        SigningEvents signingEvents = new SigningEvents() {
            public void signed(String id, String nip, String serial, String clientId, String sha256, String level, Instant at) {
                events.add("signed " + serial + " " + clientId + " " + level);
            }

            public void failed(String id, String nip, String clientId, String sha256, String code, Instant at) {
                events.add("failed " + code);
            }

            public void sealed(String id, String sealId, String serial, String clientId, String sha256, String level, Instant at) {
                events.add("sealed " + sealId);
            }

            public void sealFailed(String id, String sealId, String clientId, String sha256, String code, Instant at) {
                events.add("seal failed " + code);
            }

            public void clientDisabled(String username, String reason, long failures, Instant at) {
                events.add("disabled " + username);
            }
        };
        SignerStatuses statuses = new SignerStatuses() {
            public Optional<SignerStatus> find(String nip) {
                return Optional.of(new SignerStatus(nip, "AA01", projected, NOW));
            }

            public void save(SignerStatus status) {
            }
        };
        SignerDirectory directory = (nip, nik, email) -> Optional.of(new SignerDirectory.Signer(NIP, "3502011503850001",
                "Budi Santoso", "Pranata Komputer", "Diskominfo", "budi@ponorogo.go.id", "ISSUE"));
        ClientBudget budget = new ClientBudget(unused(id.teken.signing.application.port.out.ClientFailures.class),
                unused(id.teken.signing.application.port.out.SystemClients.class), signingEvents,
                unused(id.teken.signing.application.port.out.AdminAudit.class), settings(), Clock.fixed(NOW, ZoneOffset.UTC));
        SignedDocuments records = new SignedDocuments() {
            public void save(SignedDocumentRecord record) {
                saved.add(record);
            }

            public Optional<SignedDocumentRecord> find(java.util.UUID documentId) {
                return saved.stream().filter(r -> r.documentId().equals(documentId)).findFirst();
            }
        };
        return new SignDocumentService(keys, pdfs, signingEvents, records, statuses, directory, budget, settings(),
                Clock.fixed(NOW, ZoneOffset.UTC), new Transactions(), new DocumentWork(), new RecentSignerCertificates());
    }

    private static SigningSettings settings() {
        return new SigningSettings("https://tte.ponorogo.go.id", 3, 20, 60);
    }

    @SuppressWarnings("unchecked")
    private static <T> T unused(Class<T> port) {
        return (T) Proxy.newProxyInstance(SignDocumentServiceTest.class.getClassLoader(), new Class<?>[] {port}, (p, m, a) -> {
            throw new AssertionError(port.getSimpleName() + "." + m.getName() + " is not used by an ASN's own signature");
        });
    }

    private static PdfDocument pdf(String name) {
        return PdfDocument.of(name + ".pdf", ("%PDF-1.7" + " " + name).getBytes(StandardCharsets.US_ASCII), 1_000_000);
    }

    private static SignCommand command(char[] passphrase, String... names) {
        List<PdfDocument> documents = new ArrayList<>();
        for (String name : names) {
            documents.add(pdf(name));
        }
        return new SignCommand(SignerRef.nip(NIP), Requester.owner(NIP), documents, passphrase, PadesLevel.B_LT,
                List.of(Appearance.invisible(null, null, null)));
    }

    @Test
    void twoDocuments_oneAuthorization_signedInOrder_recordedWithTheirEvents() {
        List<SignedDocument> signed = service().sign(command(PASS.toCharArray(), "satu", "dua"));
        assertThat(signed).extracting(d -> new String(d.pdf())).containsExactly("signed satu v:satu", "signed dua v:dua");
        assertThat(signed).extracting(SignedDocument::documentId).doesNotHaveDuplicates();
        assertThat(calls).contains("authorize " + PASS + " x2", "signAuthorized sad-1 [satu, dua] ts=true ocsp=true");
        assertThat(saved).extracting(SignedDocuments.SignedDocumentRecord::serialNumber).containsExactly("AA01", "AA01");
        assertThat(events).containsExactly("signed AA01 web:" + NIP + " PAdES-BASELINE-LT", "signed AA01 web:" + NIP + " PAdES-BASELINE-LT");
        assertThat(saved.get(0).sha256()).isEqualTo(signed.get(0).sha256()).hasSize(64);
    }

    @Test
    void anAuthorizationGrantedBefore_signsWithoutAPassphrase_andIsNotReplacedByOneWhenLost() {
        SignCommand csc = new SignCommand(SignerRef.nip(NIP), Requester.csc(NIP), List.of(pdf("satu")), null, PadesLevel.B_LT,
                List.of(Appearance.invisible(null, null, null)), new id.teken.signing.application.port.in.SignDocumentUseCase.Authorized("sad-csc", "AA01"));
        List<SignedDocument> signed = service().sign(csc);
        assertThat(signed).hasSize(1);
        assertThat(calls).noneMatch(c -> c.startsWith("authorize")).contains("signAuthorized sad-csc [satu] ts=true ocsp=true");
        assertThat(events).containsExactly("signed AA01 csc:" + NIP + " PAdES-BASELINE-LT");
        calls.clear();
        authorizationLost = true;
        assertThatThrownBy(() -> service().sign(new SignCommand(SignerRef.nip(NIP), Requester.csc(NIP), List.of(pdf("dua")), null,
                PadesLevel.B_LT, List.of(Appearance.invisible(null, null, null)), new id.teken.signing.application.port.in.SignDocumentUseCase.Authorized("sad-csc", "AA01"))))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.AUTHORIZATION_INVALID);
        assertThat(calls).noneMatch(c -> c.startsWith("signDigests"));
        assertThat(saved).hasSize(1);
    }

    @Test
    void aSignerTheProjectionKnowsSuspended_isRefused_beforeAnyRemoteCall() {
        projected = CertificateStatus.SUSPEND;
        assertThatThrownBy(() -> service().sign(command(PASS.toCharArray(), "satu"))).extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.CERTIFICATE_NOT_ACTIVE);
        assertThat(calls).isEmpty();
        assertThat(events).containsExactly("failed CERTIFICATE_NOT_ACTIVE");
        assertThat(saved).isEmpty();
    }

    @Test
    void aWrongPassphrase_recordsAFailure_andNothingSigned() {
        passphraseCheck = new DomainException(ErrorCode.PASSPHRASE_WRONG, "Passphrase anda salah. Sisa percobaan: 4.");
        assertThatThrownBy(() -> service().sign(command("Salah#1".toCharArray(), "satu"))).extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.PASSPHRASE_WRONG);
        assertThat(calls).noneMatch(c -> c.startsWith("signAuthorized") || c.startsWith("signDigests"));
        assertThat(events).containsExactly("failed PASSPHRASE_WRONG");
        assertThat(saved).isEmpty();
    }

    @Test
    void aLockedCertificate_isRefused_andTheAuthorizationGrantedMeanwhileIsThrownAway() {
        certificate = certificate("AA01", CertificateStatus.ISSUE, true);
        assertThatThrownBy(() -> service().sign(command(PASS.toCharArray(), "satu"))).extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.CREDENTIAL_LOCKED);
        assertThat(calls).contains("revoke sad-1");
        assertThat(saved).isEmpty();
    }

    @Test
    void aBrokenSecondFile_isNamedInTheMessage_andNoKeyIsTouched() {
        badFile = "%PDF-1.7 dua";
        assertThatThrownBy(() -> service().sign(command(PASS.toCharArray(), "satu", "dua")))
                .hasMessageContaining("Berkas ke-2 (dua.pdf)");
        assertThat(calls).noneMatch(c -> c.startsWith("authorize"));
        assertThat(events).containsExactly("failed PDF_INVALID");
    }

    @Test
    void aLostAuthorization_fallsBackToThePassphraseOnce() {
        authorizationLost = true;
        List<SignedDocument> signed = service().sign(command(PASS.toCharArray(), "satu"));
        assertThat(signed).hasSize(1);
        assertThat(calls).contains("signDigests " + PASS);
    }

    /** When set, a fresh (synchronous) lookup answers this certificate: certificate-service renewed the key meanwhile. */
    private SigningKeys.SignerCertificate certificateAfterFirstLookup;

    @Test
    void aCertificateChangedMeanwhile_isPreparedAgainForTheOneThatSigns() {
        grantedSerial = "BB02";
        certificateAfterFirstLookup = certificate("BB02", CertificateStatus.ISSUE, false);
        List<SignedDocument> signed = service().sign(command(PASS.toCharArray(), "satu"));
        assertThat(signed.get(0).serialNumber()).isEqualTo("BB02");
        assertThat(calls.stream().filter(c -> c.startsWith("prepare")).count()).isEqualTo(2);
        assertThat(saved).extracting(SignedDocuments.SignedDocumentRecord::serialNumber).containsExactly("BB02");
    }

    @Test
    void aCertificateChangedToOneThatCannotSign_isRefused_andTheAuthorizationThrownAway() {
        grantedSerial = "BB02";
        certificateAfterFirstLookup = certificate("CC03", CertificateStatus.ISSUE, false);
        assertThatThrownBy(() -> service().sign(command(PASS.toCharArray(), "satu"))).extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.SIGNING_UNAVAILABLE);
        assertThat(calls).contains("revoke sad-1");
        assertThat(saved).isEmpty();
    }

    @Test
    void tooManyFiles_orNoPassphrase_areRefusedAtOnce_andThePassphraseIsWiped() {
        assertThatThrownBy(() -> service().sign(command(PASS.toCharArray(), "a", "b", "c", "d")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.TOO_MANY_FILES);
        assertThatThrownBy(() -> service().sign(command(new char[0], "a"))).extracting(e -> ((DomainException) e).code())
                .isEqualTo(ErrorCode.PASSPHRASE_REQUIRED);
        char[] passphrase = PASS.toCharArray();
        service().sign(command(passphrase, "a"));
        assertThat(new String(passphrase)).isEqualTo("\0".repeat(PASS.length()));
        assertThat(calls).noneMatch(c -> c.contains("\0"));
    }
}
