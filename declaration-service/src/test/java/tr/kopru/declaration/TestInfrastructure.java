package tr.kopru.declaration;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import tr.kopru.testsupport.KopruInfraResource;

/** The one declaration of this service's real Kafka and PostgreSQL for all its tests. */
@QuarkusTestResource(value = KopruInfraResource.class,
        initArgs = @ResourceArg(name = "schema", value = "declaration"))
public class TestInfrastructure {
}
