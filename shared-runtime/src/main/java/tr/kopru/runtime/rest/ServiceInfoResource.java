package tr.kopru.runtime.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tr.kopru.runtime.security.PublicEndpoint;
import tr.kopru.model.rest.ApiResponse;

/** Tells an operator which service and version answers on this address. */
@PublicEndpoint
@Path("/api/v1/service-info")
@Produces(MediaType.APPLICATION_JSON)
public class ServiceInfoResource {

    /** What the service-info endpoint answers. */
    public record ServiceInfo(String service, String version, String schema) {
    }

    private final ServiceInfo info;

    public ServiceInfoResource(@ConfigProperty(name = "quarkus.application.name") String service,
                               @ConfigProperty(name = "quarkus.application.version") String version,
                               @ConfigProperty(name = "kopru.db.schema") String schema) {
        this.info = new ServiceInfo(service, version, schema);
    }

    @GET
    @Operation(summary = "Name, version and database schema of this service")
    public ApiResponse<ServiceInfo> get() {
        return ApiResponse.of(info);
    }
}
