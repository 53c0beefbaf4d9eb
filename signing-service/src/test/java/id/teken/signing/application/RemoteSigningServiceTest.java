package id.teken.signing.application;

import id.teken.devstack.MovableClock;
import id.teken.signing.application.port.in.RemoteSigningUseCase;
import id.teken.signing.application.port.out.SigningKeys;
import id.teken.signing.application.service.RemoteSigningService;
import id.teken.signing.domain.CertificateStatus;
import id.teken.signing.domain.DomainException;
import id.teken.signing.domain.ErrorCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSC-style remote signing over a fake key custody: the credential is the current certificate only; the authorization
 * is asked for exactly the hashes, on the owner's channel, and its life comes back in seconds; the passphrase is wiped.
 */
class RemoteSigningServiceTest {

    static final String NIP = "198503152010011001";
    final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
    final List<String> calls = new ArrayList<>();
    SigningKeys.SignerCertificate certificate = new SigningKeys.SignerCertificate("AA01", "Budi", CertificateStatus.ISSUE, false,
            List.of(new byte[] {1}));
    String grantedSerial = "AA01";
    DomainException failure;

    final SigningKeys keys = new SigningKeys() {
        public SignerCertificate signerCertificate(String nip, String channel) {
            calls.add("certificate " + nip + " " + channel);
            if (failure != null) {
                throw failure;
            }
            return certificate;
        }

        public CompletableFuture<SignerCertificate> signerCertificateAsync(String nip, String channel) {
            return CompletableFuture.completedFuture(signerCertificate(nip, channel));
        }

        public CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures) {
            throw new AssertionError("the CSC path binds its hashes");
        }

        public CompletableFuture<Authorization> authorize(String nip, char[] passphrase, String channel, int signatures, List<byte[]> hashes,
                                                          Duration lifetime) {
            calls.add("authorize " + new String(passphrase) + " " + channel + " x" + signatures + (hashes.isEmpty() ? " documents " : " ")
                    + lifetime);
            return CompletableFuture.completedFuture(new Authorization("sad-1", grantedSerial, clock.instant().plus(lifetime)));
        }

        public Signatures signAuthorized(String nip, String sad, List<byte[]> digests, String algorithm, String channel, boolean ts, boolean ocsp,
                                         boolean boundOnly) {
            calls.add("sign " + sad + " " + algorithm + " " + channel + " x" + digests.size() + (boundOnly ? " bound" : ""));
            return new Signatures(digests, List.of(), null);
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

        public Signatures signDigests(String nip, List<byte[]> d, String a, char[] p, String c, boolean t, boolean o) {
            throw new AssertionError("not used");
        }
    };

    final List<String> audited = new ArrayList<>();
    final List<id.teken.signing.application.port.in.SignDocumentUseCase.SignCommand> signedDocuments = new ArrayList<>();
    final RemoteSigningService service = new RemoteSigningService(keys, clock,
            (actor, action, subject, detail) -> audited.add(actor + " " + action + " " + subject + " " + detail),
            new id.teken.signing.application.service.RecentSignerCertificates(), command -> {
                signedDocuments.add(command);
                return command.documents().stream().map(d -> new id.teken.signing.application.port.in.SignDocumentUseCase.SignedDocument(
                        "id-" + d.name(), d.name(), d.bytes(), "h", command.level(), "AA01", 0, 0, "")).toList();
            }, new id.teken.signing.application.SigningSettings("https://teken.example", 10, 5, 20));

    @Test
    void authorize_withoutHashes_opensTheKeyForDocuments_andSignDocumentsUsesThatSad() {
        RemoteSigningUseCase.Authorization granted = service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01",
                List.of(), null, "Kuat#Sekali9".toCharArray(), 2));
        assertThat(granted.sad()).isEqualTo("sad-1");
        assertThat(calls).contains("authorize Kuat#Sekali9 owner x2 documents PT5M");
        assertThat(audited).containsExactly(NIP + " csc.authorized AA01 2 documents");
        assertThatThrownBy(() -> service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01", List.of(), null,
                "x".toCharArray(), 11))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);

        List<id.teken.signing.application.port.in.SignDocumentUseCase.SignedDocument> signed = service.signDocuments(
                new RemoteSigningUseCase.SignDocumentsCommand(NIP, "aa01", " sad-1 ", List.of(id.teken.signing.domain.PdfDocument.of("a.pdf",
                        "%PDF-1.7 a".getBytes(java.nio.charset.StandardCharsets.US_ASCII), 1000)), id.teken.signing.domain.PadesLevel.B_T));
        assertThat(signed).hasSize(1);
        assertThat(signedDocuments.get(0).authorized()).isEqualTo(new id.teken.signing.application.port.in.SignDocumentUseCase.Authorized("sad-1", "AA01"));
        assertThat(signedDocuments.get(0).passphrase()).isNull();
        assertThat(signedDocuments.get(0).requester().clientId()).isEqualTo("csc:" + NIP);
        assertThat(audited).contains(NIP + " csc.signed-documents AA01 1 PAdES-BASELINE-T");
        assertThatThrownBy(() -> service.signDocuments(new RemoteSigningUseCase.SignDocumentsCommand(NIP, "BB02", "sad-1", List.of(),
                id.teken.signing.domain.PadesLevel.B_T))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.CREDENTIAL_UNKNOWN);
        assertThatThrownBy(() -> service.signDocuments(new RemoteSigningUseCase.SignDocumentsCommand(NIP, "AA01", "", List.of(),
                id.teken.signing.domain.PadesLevel.B_T))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.AUTHORIZATION_INVALID);
    }

    @Test
    void theCredential_isTheCurrentCertificate_andNoOtherId() {
        assertThat(service.credentials(NIP)).extracting(RemoteSigningUseCase.Credential::id).containsExactly("AA01");
        assertThat(service.credential(NIP, "aa01").id()).isEqualTo("AA01");
        assertThatThrownBy(() -> service.credential(NIP, "BB02")).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.CREDENTIAL_UNKNOWN);
        failure = new DomainException(ErrorCode.NOT_REGISTERED, "none");
        assertThat(service.credentials(NIP)).isEmpty();
        assertThatThrownBy(() -> service.credential(NIP, "AA01")).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.CREDENTIAL_UNKNOWN);
    }

    @Test
    void authorize_bindsTheHashes_onTheOwnersChannel_andWipesThePassphrase() {
        char[] passphrase = "Kuat#Sekali9".toCharArray();
        RemoteSigningUseCase.Authorization granted = service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01",
                List.of(new byte[32], new byte[32]), "SHA-256", passphrase));
        assertThat(granted.sad()).isEqualTo("sad-1");
        assertThat(granted.expiresInSeconds()).isEqualTo(300);
        assertThat(calls).contains("authorize Kuat#Sekali9 owner x2 PT5M");
        assertThat(passphrase).containsOnly('\0');
        assertThat(audited).containsExactly(NIP + " csc.authorized AA01 2 SHA-256");
    }

    @Test
    void authorize_refusesWhatCannotBeSigned_beforeAskingForThePassphrase() {
        assertThatThrownBy(() -> service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01", List.of(new byte[20]), "SHA-256",
                "x".toCharArray()))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThatThrownBy(() -> service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01", List.of(new byte[32]), "MD5",
                "x".toCharArray()))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.MALFORMED_REQUEST);
        assertThatThrownBy(() -> service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01", List.of(new byte[32]), "SHA-256",
                null))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.PASSPHRASE_REQUIRED);
        certificate = new SigningKeys.SignerCertificate("AA01", "Budi", CertificateStatus.SUSPEND, false, List.of(new byte[] {1}));
        assertThatThrownBy(() -> service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01", List.of(new byte[32]), "SHA-256",
                "x".toCharArray()))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.CERTIFICATE_NOT_ACTIVE);
        assertThat(calls).noneMatch(c -> c.startsWith("authorize"));
        assertThat(audited).containsExactly(NIP + " csc.authorize-refused AA01 CERTIFICATE_NOT_ACTIVE");
    }

    @Test
    void aCertificateReplacedMeanwhile_dropsTheSad() {
        grantedSerial = "CC03";
        assertThatThrownBy(() -> service.authorize(new RemoteSigningUseCase.AuthorizeCommand(NIP, "AA01", List.of(new byte[32]), "SHA-256",
                "Kuat#Sekali9".toCharArray()))).extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.CREDENTIAL_UNKNOWN);
        assertThat(calls).contains("revoke sad-1");
    }

    @Test
    void signHashes_withTheSad_onTheOwnersChannel() {
        List<byte[]> signed = service.signHashes(new RemoteSigningUseCase.SignHashesCommand(NIP, "AA01", "sad-1", List.of(new byte[48]), "SHA-384"));
        assertThat(signed).hasSize(1);
        assertThat(calls).contains("sign sad-1 SHA-384 owner x1 bound");
        assertThat(audited).containsExactly(NIP + " csc.signed AA01 1 SHA-384");
        assertThatThrownBy(() -> service.signHashes(new RemoteSigningUseCase.SignHashesCommand(NIP, "BB02", "sad-1", List.of(new byte[48]), "SHA-384")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.CREDENTIAL_UNKNOWN);
        assertThatThrownBy(() -> service.signHashes(new RemoteSigningUseCase.SignHashesCommand(NIP, "AA01", " ", List.of(new byte[48]), "SHA-384")))
                .extracting(e -> ((DomainException) e).code()).isEqualTo(ErrorCode.AUTHORIZATION_INVALID);
        assertThat(Arrays.asList(calls.toArray())).filteredOn(c -> c.toString().startsWith("sign ")).hasSize(1);
        assertThat(calls).as("signHash asks for the certificate once a minute, not on every call")
                .filteredOn(c -> c.startsWith("certificate ")).hasSize(1);
    }
}
