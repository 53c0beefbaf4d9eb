package id.teken.certificate;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.ServiceSkeletonContract;
import id.teken.certificate.domain.ErrorCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "certificate"))
class ServiceSkeletonTest extends ServiceSkeletonContract {

    ServiceSkeletonTest() {
        super("certificate-service", false, ErrorCode.Kind.values());
    }
}
