package id.teken.signing;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.ServiceSkeletonContract;
import id.teken.signing.domain.ErrorCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "signing"))
class ServiceSkeletonTest extends ServiceSkeletonContract {

    ServiceSkeletonTest() {
        super("signing-service", true, ErrorCode.Kind.values());
    }
}
