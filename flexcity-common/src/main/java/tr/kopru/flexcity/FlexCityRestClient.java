package tr.kopru.flexcity;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

/** FlexCity's one shape of call: a signed, form-encoded POST to {@code {module}/{method}}. Built per institution. */
public interface FlexCityRestClient {

    @POST
    @Path("{module}/{method}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Uni<Response> call(@PathParam("module") String module, @PathParam("method") String method,
                       @HeaderParam("Authorization") String authorization, MultivaluedMap<String, String> form);
}
