package id.teken.activation;

import id.teken.devstack.DevStackTestResource;
import id.teken.devstack.ServiceSkeletonContract;
import id.teken.activation.domain.ErrorCode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = "database", value = "activation"))
class ServiceSkeletonTest extends ServiceSkeletonContract {

    ServiceSkeletonTest() {
        super("activation-service", true, ErrorCode.Kind.values());
    }
}
