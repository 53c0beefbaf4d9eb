package id.teken.signing;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.SignerApiContract;
import id.teken.devstack.SigningApiContract;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Nested;

/**
 * The stand-in that signing-service's tests run against, held to the same contracts as the real certificate-service
 * (SigningApiContractTest there) and registration-service (SignerApiContractTest there).
 */
@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
@QuarkusTestResource(CertificateServiceStandIn.class)
class StandInContractsTest {

    static String standIn() {
        return ConfigProvider.getConfig().getValue("teken.signing.certificate-service-url", String.class);
    }

    /** The stand-in's certificate-service side. */
    @Nested
    class Signing extends SigningApiContract {
        @Override
        protected String baseUrl() {
            return standIn();
        }

        @Override
        protected String serviceToken() {
            return "stand-in-token";
        }

        @Override
        protected String signerNip() {
            return CertificateServiceStandIn.SIGNER;
        }

        @Override
        protected String signerPassphrase() {
            return CertificateServiceStandIn.PASSPHRASE;
        }
    }

    /** The stand-in's registration-service side. */
    @Nested
    class Signers extends SignerApiContract {
        @Override
        protected String baseUrl() {
            return standIn();
        }

        @Override
        protected String serviceToken() {
            return "stand-in-token";
        }

        @Override
        protected String signerNip() {
            return CertificateServiceStandIn.SIGNER;
        }

        @Override
        protected String signerNik() {
            return CertificateServiceStandIn.SIGNER_NIK;
        }

        @Override
        protected String signerEmail() {
            return CertificateServiceStandIn.SIGNER_EMAIL;
        }
    }
}
