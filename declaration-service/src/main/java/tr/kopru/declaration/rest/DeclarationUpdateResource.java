package tr.kopru.declaration.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tr.kopru.declaration.domain.DeclarationUpdate;
import tr.kopru.declaration.domain.UpdateStatus;
import tr.kopru.declaration.repository.UpdateRepository;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.RequiresScope;

import java.util.List;
import java.util.UUID;

/** Updates across declarations: follow one to its delivery, or list those PENDING or FAILED. */
@Path("/api/v1/declaration-updates")
@Produces(MediaType.APPLICATION_JSON)
public class DeclarationUpdateResource {

    private final UpdateRepository updates;

    public DeclarationUpdateResource(UpdateRepository updates) {
        this.updates = updates;
    }

    @GET
    @RequiresScope("declarations:read")
    @Operation(summary = "Updates newest first, optionally in one status (PENDING, SENT, FAILED)")
    public Uni<ApiResponse<List<DeclarationUpdate>>> list(@QueryParam("status") UpdateStatus status,
                                                          @Valid @BeanParam PageRequest page) {
        return updates.count(status).chain(total -> updates.list(status, page.limit, page.offset)
                .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }

    @GET
    @Path("/{id}")
    @RequiresScope("declarations:read")
    @Operation(summary = "One update: its status, the reason it failed, and every try at delivering it")
    public Uni<ApiResponse<DeclarationUpdate>> get(@PathParam("id") UUID id) {
        return updates.find(id).chain(found -> {
            DeclarationUpdate update = found.orElseThrow(() -> ApiException.notFound("No declaration update " + id));
            return updates.attempts(id).map(log -> ApiResponse.of(update.withAttemptLog(log)));
        });
    }
}
