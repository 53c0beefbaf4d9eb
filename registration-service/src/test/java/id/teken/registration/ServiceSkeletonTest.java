package id.teken.registration;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.ServiceSkeletonContract;
import id.teken.registration.domain.ErrorCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "registration"))
class ServiceSkeletonTest extends ServiceSkeletonContract {

    ServiceSkeletonTest() {
        super("registration-service", true, ErrorCode.Kind.values());
    }
}
