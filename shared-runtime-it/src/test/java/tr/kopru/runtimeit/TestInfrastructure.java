package tr.kopru.runtimeit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import tr.kopru.testsupport.KopruInfraResource;

/** The one declaration of this module's real Kafka and PostgreSQL, and of its API keys file. */
@QuarkusTestResource(value = KopruInfraResource.class, initArgs = @ResourceArg(name = "schema", value = "runtime_it"))
@QuarkusTestResource(FixtureApiKeys.class)
public class TestInfrastructure {
}
