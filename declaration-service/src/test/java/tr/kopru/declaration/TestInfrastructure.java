package tr.kopru.declaration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import tr.kopru.testsupport.KopruInfraResource;
import tr.kopru.testsupport.UpstreamSimulatorResource;

/** The one declaration of this service's real Kafka, PostgreSQL and upstream simulator for all its tests. */
@QuarkusTestResource(value = KopruInfraResource.class,
        initArgs = @ResourceArg(name = "schema", value = "declaration"))
@QuarkusTestResource(UpstreamSimulatorResource.class)
public class TestInfrastructure {
}
