package id.teken.signing;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.InternalEndpoint;
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

    static InternalEndpoint standIn() {
        return new InternalEndpoint(ConfigProvider.getConfig().getValue("teken.signing.certificate-service-url", String.class),
                "stand-in-token");
    }

    /** The stand-in's certificate-service side. */
    @Nested
    class Signing extends SigningApiContract {
        @Override
        protected InternalEndpoint endpoint() {
            return standIn();
        }

        @Override
        protected KnownSigner signer() {
            return new KnownSigner(CertificateServiceStandIn.SIGNER, CertificateServiceStandIn.PASSPHRASE);
        }
    }

    /** The stand-in's registration-service side. */
    @Nested
    class Signers extends SignerApiContract {
        @Override
        protected InternalEndpoint endpoint() {
            return standIn();
        }

        @Override
        protected KnownSigner signer() {
            return new KnownSigner(CertificateServiceStandIn.SIGNER, CertificateServiceStandIn.SIGNER_NIK,
                    CertificateServiceStandIn.SIGNER_EMAIL);
        }
    }
}
