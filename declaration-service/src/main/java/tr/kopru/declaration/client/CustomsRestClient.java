package tr.kopru.declaration.client;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The customs API's declaration update. Built per environment by {@link CustomsClient}. */
public interface CustomsRestClient {

    @PUT
    @Path("api/v1/declarations/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> update(@PathParam("id") String declarationId, @HeaderParam("Authorization") String authorization,
                         @HeaderParam("X-Target-Server") String targetServer, byte[] body);
}
