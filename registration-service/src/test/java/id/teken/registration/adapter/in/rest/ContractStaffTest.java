package id.teken.registration.adapter.in.rest;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.MailInbox;
import id.teken.devstack.TopicReader;
import id.teken.events.EventCodec;
import id.teken.events.EventEnvelope;
import id.teken.events.Topics;
import id.teken.events.registration.RegistrationSubmitted;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * "Pihak lain": POST /api/v1/verifier/contract-staff. A Verifikator TTE enrols a person under a work contract (in the
 * employee export, not PNS/PPPK); the registration starts with the contract's end in its event; audited; the person's own
 * dashboard shows NEW. Everyone else is refused, and so is every malformed, mistaken or repeated enrolment.
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class ContractStaffTest {

    static final String VERIFIER = "197812012005041003";
    static final String JOKO = MeResourceTest.JOKO;
    static final String JOKO_NIK = "3502071006920006";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "teken.devstack.mail-api")
    String mailApi;

    @Inject
    EntityManager entityManager;

    static RequestSpecification verifier() {
        return given().auth().oauth2(MeResourceTest.token(VERIFIER, "ASN", "VERIFIKATOR")).contentType(ContentType.JSON);
    }

    static Map<String, String> enrolment(String nip, String nik, String emailDinas, String reference, String endDate) {
        Map<String, String> m = new HashMap<>();
        m.put("nip", nip);
        m.put("nik", nik);
        m.put("emailDinas", emailDinas);
        m.put("nomorKontrak", reference);
        m.put("kontrakBerakhir", endDate);
        return m;
    }

    static String inDays(int days) {
        return LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(days).toString();
    }

    @Test
    void aVerifier_enrolsContractStaff_onceEvenInParallel_andTheEventCarriesTheContractsEnd() throws Exception {
        String end = inDays(200);
        ExecutorService pool = Executors.newFixedThreadPool(5);
        List<Future<Integer>> answers;
        try {
            answers = pool.invokeAll(java.util.Collections.nCopies(5, (Callable<Integer>) () -> verifier()
                    .body(enrolment(JOKO, JOKO_NIK, "joko.susilo@ponorogo.go.id", "800/12/PKWT/2026", end))
                    .post("/api/v1/verifier/contract-staff").statusCode()));
        } finally {
            pool.shutdown();
        }
        List<Integer> codes = new java.util.ArrayList<>();
        for (Future<Integer> f : answers) {
            codes.add(f.get());
        }
        assertThat(codes).containsOnlyOnce(201).filteredOn(c -> c != 201).allMatch(c -> c == 409);

        // His own dashboard: NEW; the activation link follows from the event, which says when the contract ends.
        String id = given().auth().oauth2(MeResourceTest.token(JOKO, "ASN")).get("/api/v1/me/certificate").then().statusCode(200)
                .body("status", equalTo("NEW")).extract().path("registrationId");
        List<ConsumerRecord<String, String>> records = TopicReader.await(kafka, Topics.REGISTRATION_SUBMITTED.name(),
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        EventEnvelope<RegistrationSubmitted> event = EventCodec.fromJson(Topics.REGISTRATION_SUBMITTED, records.get(0).value());
        assertThat(event.payload().nip()).isEqualTo(JOKO);
        assertThat(event.payload().statusKepegawaian()).isEqualTo("OTHER");
        assertThat(event.payload().contractEndsAt())
                .isEqualTo(LocalDate.parse(end).plusDays(1).atStartOfDay(ZoneId.of("Asia/Jakarta")).toInstant().minusSeconds(1));

        // Audited in the service's chain, by the verifier, without the NIK.
        Object[] audit = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT actor, detail FROM teken_audit_chain WHERE action = 'contract-staff.enrolled' AND subject = ?1")
                .setParameter(1, JOKO).getSingleResult());
        assertThat(audit[0]).isEqualTo(VERIFIER);
        assertThat((String) audit[1]).contains("800/12/PKWT/2026").doesNotContain(JOKO_NIK);

        // Again while the registration lives: refused.
        verifier().body(enrolment(JOKO, JOKO_NIK, "joko.susilo@ponorogo.go.id", "800/12/PKWT/2026", end))
                .post("/api/v1/verifier/contract-staff").then().statusCode(409).body("code", equalTo("ALREADY_REGISTERED"));
    }

    static Map<String, String> newPerson(String nama, String unit, String nik, String emailDinas, String endDate) {
        Map<String, String> m = enrolment(null, nik, emailDinas, "800/77/PKWT/2026", endDate);
        m.put("nama", nama);
        m.put("unitOrganisasi", unit);
        return m;
    }

    static long rosterRows(EntityManager em, String nik) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM contract_staff WHERE nik = ?1").setParameter(1, nik).getSingleResult()).longValue());
    }

    @Test
    void someoneNotInTheExport_getsAnAccountNumberByMail_setsAPassword_logsIn_andTheirRegistrationStarts() throws Exception {
        String rudiNik = "3502121408960009";
        String rudiDinas = "rudi.hartono@ponorogo.go.id";
        String end = inDays(300);
        MailInbox inbox = new MailInbox(mailApi);
        // Four verifiers' clicks at once: one enrolment, one number.
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<io.restassured.response.Response>> answers;
        try {
            answers = pool.invokeAll(java.util.Collections.nCopies(4, (Callable<io.restassured.response.Response>) () -> verifier()
                    .body(newPerson("RUDI  HARTONO", "Sekretariat Daerah - Bagian Umum", rudiNik, rudiDinas, end))
                    .post("/api/v1/verifier/contract-staff")));
        } finally {
            pool.shutdown();
        }
        List<io.restassured.response.Response> created = new java.util.ArrayList<>();
        for (Future<io.restassured.response.Response> f : answers) {
            io.restassured.response.Response r = f.get();
            assertThat(r.statusCode()).isIn(201, 409);
            if (r.statusCode() == 201) {
                created.add(r);
            }
        }
        assertThat(created).hasSize(1);
        String month = java.time.YearMonth.now(ZoneId.of("Asia/Jakarta")).toString().replace("-", "");
        String rudi = created.get(0).jsonPath().getString("nip");
        // A NIPTT: his birth date, this month as the TMT, male, the highest serial.
        assertThat(rudi).isEqualTo("19960814" + month + "1" + "999");
        assertThat(created.get(0).jsonPath().getBoolean("akunBaru")).isTrue();
        assertThat(created.get(0).jsonPath().getString("nama")).isEqualTo("Rudi Hartono");
        assertThat(created.get(0).jsonPath().getString("message")).contains(rudi, rudiDinas);
        assertThat(rosterRows(entityManager, rudiNik)).isEqualTo(1);

        // His mail: the number and a link to set the password; then he logs in with the number.
        MailInbox.Message mail = inbox.await(rudiDinas, 1, Duration.ofSeconds(20)).stream()
                .filter(m -> m.subject().contains("Nomor Akun")).findFirst().orElseThrow();
        assertThat(mail.text()).contains(rudi).doesNotContain(rudiNik);
        String link = mail.link("/lupa-password/").orElseThrow();
        given().contentType(ContentType.JSON).body(Map.of("newPassword", "Sandi-Kontrak-2026"))
                .post("/api/v1/auth/password-reset/" + link.substring(link.lastIndexOf('/') + 1)).then().statusCode(200);
        String jwt = given().contentType(ContentType.JSON).body(Map.of("nip", rudi, "password", "Sandi-Kontrak-2026"))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
        given().auth().oauth2(jwt).get("/api/v1/me").then().statusCode(200).body("nama", equalTo("Rudi Hartono"))
                .body("unitOrganisasi", equalTo("Sekretariat Daerah - Bagian Umum"));
        String id = given().auth().oauth2(jwt).get("/api/v1/me/certificate").then().statusCode(200)
                .body("status", equalTo("NEW")).extract().path("registrationId");
        List<ConsumerRecord<String, String>> records = TopicReader.await(kafka, Topics.REGISTRATION_SUBMITTED.name(),
                r -> id.equals(r.key()), 1, Duration.ofSeconds(30));
        RegistrationSubmitted event = EventCodec.fromJson(Topics.REGISTRATION_SUBMITTED, records.get(0).value()).payload();
        assertThat(event.nip()).isEqualTo(rudi);
        assertThat(event.statusKepegawaian()).isEqualTo("OTHER");
        assertThat(event.jabatan()).isEqualTo("Tenaga Kontrak");
        assertThat(event.contractEndsAt()).isNotNull();

        // Again while his registration lives: refused, and the roster keeps what it had.
        verifier().body(newPerson("Rudi Hartono", "Dinas Lain", rudiNik, rudiDinas, end)).post("/api/v1/verifier/contract-staff")
                .then().statusCode(409).body("code", equalTo("ALREADY_REGISTERED"));
        given().auth().oauth2(jwt).get("/api/v1/me").then().body("unitOrganisasi", equalTo("Sekretariat Daerah - Bagian Umum"));

        // His twin brother, born the same day: the next serial down, never the same number.
        String rizal = verifier().body(newPerson("Rizal Hartono", "Sekretariat Daerah", "3502121408960013",
                "rizal.hartono@ponorogo.go.id", end)).post("/api/v1/verifier/contract-staff").then().statusCode(201)
                .extract().path("nip");
        assertThat(rizal).isEqualTo("19960814" + month + "1" + "998");
        // A woman's number carries 2.
        String lina = verifier().body(newPerson("Lina Marlina", "Dinas Pendidikan", "3502084302990010", "lina.marlina@ponorogo.go.id",
                end)).post("/api/v1/verifier/contract-staff").then().statusCode(201).extract().path("nip");
        assertThat(lina).isEqualTo("19990203" + month + "2" + "999");
    }

    @Test
    void someoneNotInTheExport_isRefusedInWords_whenTheRegistryDisagrees_andNothingIsStored() {
        String end = inDays(60);
        Object[][] bad = {
                {newPerson("Wahyu Ningsi", "Dinas Sosial", "3502094107010012", "wahyu@ponorogo.go.id", end), 422, "NIK_NOT_VERIFIED"},
                {newPerson("Siapa Saja", "Dinas Sosial", "3502091207010099", "siapa@ponorogo.go.id", end), 422, "NIK_NOT_VERIFIED"},
                {newPerson("Joko Susilo", "Sekretariat Daerah", JOKO_NIK, "joko.lain@ponorogo.go.id", end), 409, "EMPLOYEE_EXISTS"},
                {newPerson("Bayu Saputra", "Dinas Sosial", "3502010505150011", "bayu@ponorogo.go.id", end), 400, "PERSON_INVALID"},
                {newPerson(null, "Dinas Sosial", "3502094107010012", "wahyu@ponorogo.go.id", end), 400, "PERSON_INVALID"},
                {newPerson("Wahyu Ningsih", " ", "3502094107010012", "wahyu@ponorogo.go.id", end), 400, "PERSON_INVALID"},
                {newPerson("Wahyu <b>Ningsih</b>", "Dinas Sosial", "3502094107010012", "wahyu@ponorogo.go.id", end), 400, "PERSON_INVALID"},
                {newPerson("W".repeat(201), "Dinas Sosial", "3502094107010012", "wahyu@ponorogo.go.id", end), 400, "PERSON_INVALID"},
                {newPerson("Wahyu Ningsih", "Dinas Sosial", "3502094107010012", "wahyu@gmail.com", end), 422, "EMAIL_DINAS_DOMAIN"},
                {newPerson("Wahyu Ningsih", "Dinas Sosial", "3502094107010012", "wahyu@ponorogo.go.id", inDays(-1)), 400, "CONTRACT_INVALID"},
        };
        for (Object[] b : bad) {
            verifier().body(b[0]).post("/api/v1/verifier/contract-staff").then().statusCode((Integer) b[1])
                    .contentType("application/problem+json").body("code", equalTo(b[2]));
        }
        verifier().body(newPerson("Joko Susilo", "Sekretariat Daerah", JOKO_NIK, "joko.lain@ponorogo.go.id", end))
                .post("/api/v1/verifier/contract-staff").then().body("detail", containsString(JOKO));
        for (String nik : List.of("3502094107010012", "3502091207010099", JOKO_NIK, "3502010505150011")) {
            assertThat(rosterRows(entityManager, nik)).as(nik).isZero();
        }
    }

    @Test
    void onlyVerifiers_mayEnrol() {
        Map<String, String> body = enrolment(JOKO, JOKO_NIK, "joko@ponorogo.go.id", "K-1", inDays(30));
        given().contentType(ContentType.JSON).body(body).post("/api/v1/verifier/contract-staff").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(MeResourceTest.token(JOKO, "ASN")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/verifier/contract-staff").then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        given().auth().oauth2(MeResourceTest.token(VERIFIER, "ADMIN")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/verifier/contract-staff").then().statusCode(403);
    }

    @Test
    void mistakes_areRefusedInWords_andNothingIsStored() {
        String dewi = MeResourceTest.DEWI;
        verifier().body(enrolment(dewi, "3502154511950003", "dewi@ponorogo.go.id", "K-1", inDays(30)))
                .post("/api/v1/verifier/contract-staff").then().statusCode(409).body("code", equalTo("SELF_REGISTRATION"))
                .body("detail", containsString("mendaftar sendiri"));
        verifier().body(enrolment("199912312020121001", "3502011503850001", "x@ponorogo.go.id", "K-1", inDays(30)))
                .post("/api/v1/verifier/contract-staff").then().statusCode(404).body("code", equalTo("EMPLOYEE_NOT_FOUND"));
        String[][] bad = {
                {JOKO, "3502011503850001", "joko@ponorogo.go.id", "K-1", inDays(30), "422", "NIK_NOT_VERIFIED"},
                {JOKO, JOKO_NIK, "joko@gmail.com", "K-1", inDays(30), "422", "EMAIL_DINAS_DOMAIN"},
                {JOKO, JOKO_NIK, "joko@ponorogo.go.id", "K-1", inDays(0), "400", "CONTRACT_INVALID"},
                {JOKO, JOKO_NIK, "joko@ponorogo.go.id", "K-1", inDays(-3), "400", "CONTRACT_INVALID"},
                {JOKO, JOKO_NIK, "joko@ponorogo.go.id", "K-1", inDays(6 * 366), "400", "CONTRACT_INVALID"},
                {JOKO, JOKO_NIK, "joko@ponorogo.go.id", "K-1", "31-12-2027", "400", "CONTRACT_INVALID"},
                {JOKO, JOKO_NIK, "joko@ponorogo.go.id", "", inDays(30), "400", "CONTRACT_INVALID"},
                {JOKO, JOKO_NIK, "joko@ponorogo.go.id", "K<script>", inDays(30), "400", "CONTRACT_INVALID"},
                {JOKO, JOKO_NIK, "joko@ponorogo.go.id", "K".repeat(101), inDays(30), "400", "CONTRACT_INVALID"},
                {"12345", JOKO_NIK, "joko@ponorogo.go.id", "K-1", inDays(30), "400", "NIP_INVALID"},
                {JOKO, "123", "joko@ponorogo.go.id", "K-1", inDays(30), "400", "NIK_INVALID"},
                {JOKO, JOKO_NIK, null, "K-1", inDays(30), "400", "EMAIL_DINAS_INVALID"},
        };
        for (String[] b : bad) {
            verifier().body(enrolment(b[0], b[1], b[2], b[3], b[4])).post("/api/v1/verifier/contract-staff").then()
                    .statusCode(Integer.parseInt(b[5])).contentType("application/problem+json").body("code", equalTo(b[6]));
        }
        verifier().post("/api/v1/verifier/contract-staff").then().statusCode(400).body("code", equalTo("BODY_REQUIRED"));
        verifier().body("{\"nip\":").post("/api/v1/verifier/contract-staff").then().statusCode(400)
                .body("code", equalTo("MALFORMED_REQUEST"));
        verifier().body("{\"nip\":\"" + "1".repeat(70_000) + "\"}").post("/api/v1/verifier/contract-staff").then().statusCode(413);
        Number stored = QuarkusTransaction.requiringNew().call(() -> (Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM certificate_registration WHERE nip = ?1 AND contract_reference = 'K-1'")
                .setParameter(1, JOKO).getSingleResult());
        assertThat(stored.longValue()).isZero();
    }
}
