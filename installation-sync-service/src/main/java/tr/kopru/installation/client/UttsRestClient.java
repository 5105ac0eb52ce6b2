package tr.kopru.installation.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** UTTS over HTTP; statuses are read by {@link UttsClient}, which owns sessions and fault tolerance. */
@RegisterRestClient(configKey = "utts")
interface UttsRestClient {

    /** The login body. */
    record LoginRequest(String email, String password) {
    }

    @POST
    @Path("/users/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> login(LoginRequest request);

    @GET
    @Path("/support-operations/installation-progresses")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Response> installationProgresses(@HeaderParam("Authorization") String authorization,
                                         @HeaderParam("Cookie") String cookie,
                                         @QueryParam("PageNumber") int pageNumber,
                                         @QueryParam("PageSize") int pageSize);
}
