package tr.kopru.declaration.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import tr.kopru.declaration.domain.Declaration;
import tr.kopru.declaration.domain.DeclarationJson;
import tr.kopru.declaration.domain.DeclarationUpdate;
import tr.kopru.declaration.repository.DeclarationStateRepository;
import tr.kopru.declaration.repository.UpdateRepository;
import tr.kopru.declaration.service.UpdateService;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.ApiCaller;
import tr.kopru.runtime.security.RequiresScope;

import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Customs declarations: submit a partial update, read the history of updates and the last known state. */
@Path("/api/v1/declarations/{declarationId}")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationResource {

    private final UpdateService service;
    private final UpdateRepository updates;
    private final DeclarationStateRepository states;
    private final ApiCaller caller;

    public DeclarationResource(UpdateService service, UpdateRepository updates, DeclarationStateRepository states,
                               ApiCaller caller) {
        this.service = service;
        this.updates = updates;
        this.states = states;
        this.caller = caller;
    }

    @POST
    @Path("/updates")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("declarations:write")
    @Operation(summary = "Submit a partial update: the body is the customs API's own, with only the fields to change "
            + "(null clears a field). Validated, stored, then delivered in the background: 202 with the update to "
            + "follow. Optional: ?target= (customs environment) and X-Target-Server.")
    @APIResponse(responseCode = "202", description = "The update, stored; it is delivered in the background")
    public Uni<Response> submit(@PathParam("declarationId") String declarationId, @QueryParam("target") String target,
                                @HeaderParam("X-Target-Server") String targetServer, byte[] body)
            throws IOException {
        return service.submit(declarationId, DeclarationJson.read(body), target, targetServer, caller.owner())
                .map(update -> Response.accepted(ApiResponse.of(update))
                        .location(URI.create("/api/v1/declaration-updates/" + update.id())).build());
    }

    @GET
    @RequiresScope("declarations:read")
    @Operation(summary = "The last known state of a declaration: every field its delivered updates set")
    public Uni<ApiResponse<Declaration>> state(@PathParam("declarationId") String declarationId,
                                               @QueryParam("target") String target) {
        String environment = service.environment(target);
        return states.find(declarationId, environment).map(found -> ApiResponse.of(found.orElseThrow(
                () -> ApiException.notFound("No update of declaration " + declarationId + " has been delivered to "
                        + environment))));
    }

    @GET
    @Path("/updates")
    @RequiresScope("declarations:read")
    @Operation(summary = "Every update of a declaration in the order it was accepted, with who sent it, what it "
            + "changed and how its delivery went")
    public Uni<ApiResponse<List<DeclarationUpdate>>> history(@PathParam("declarationId") String declarationId,
                                                             @QueryParam("target") String target,
                                                             @Valid @BeanParam PageRequest page) {
        String environment = service.environment(target);
        return updates.countHistory(declarationId, environment).chain(total -> updates.history(declarationId,
                        environment, page.limit, page.offset)
                .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }
}
