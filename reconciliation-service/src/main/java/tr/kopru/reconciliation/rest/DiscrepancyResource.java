package tr.kopru.reconciliation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.reconciliation.domain.DiscrepancyHandling;
import tr.kopru.reconciliation.domain.HandledDiscrepancy;
import tr.kopru.reconciliation.repository.DiscrepancyRepository;
import tr.kopru.reconciliation.repository.RunRepository;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.ApiCaller;
import tr.kopru.runtime.security.RequiresScope;

import java.time.Clock;
import java.util.List;

/** A run's discrepancies with their handling, and an operator's acknowledging or resolving one, with a note. */
@Path("/api/v1/reconciliation-runs/{runId}/discrepancies")
@Produces(MediaType.APPLICATION_JSON)
public class DiscrepancyResource {

    /** What an operator did about a discrepancy, and why. */
    public record HandlingRequest(@NotNull DiscrepancyHandling.Status status,
                                  @NotBlank @Size(max = 500) String note) {
    }

    private final RunRepository runs;
    private final DiscrepancyRepository discrepancies;
    private final ApiCaller caller;
    private final Clock clock;

    public DiscrepancyResource(RunRepository runs, DiscrepancyRepository discrepancies, ApiCaller caller,
                               Clock clock) {
        this.runs = runs;
        this.discrepancies = discrepancies;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @RequiresScope("reconciliation:read")
    @Operation(summary = "A run's discrepancies, each with its id and what operators last did about it")
    public Uni<ApiResponse<List<HandledDiscrepancy>>> list(@PathParam("runId") long runId,
                                                           @Valid @BeanParam PageRequest page) {
        return runs.find(runId).chain(run -> {
            if (run.isEmpty()) {
                throw ApiException.notFound("No reconciliation run " + runId);
            }
            return discrepancies.countOfRun(runId).chain(total -> discrepancies.ofRun(runId, page.limit, page.offset)
                    .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
        });
    }

    @POST
    @Path("/{discrepancyId}/handling")
    @Consumes(MediaType.APPLICATION_JSON)
    @ResponseStatus(201)
    @RequiresScope("reconciliation:run")
    @Operation(summary = "Acknowledge or resolve a discrepancy, with a note; 409 once it is resolved, or when it is "
            + "in that state already")
    @APIResponse(responseCode = "201", description = "The discrepancy with its new handling")
    public Uni<ApiResponse<HandledDiscrepancy>> handle(@PathParam("runId") long runId,
                                                       @PathParam("discrepancyId") long discrepancyId,
                                                       @Valid @NotNull HandlingRequest request) {
        return discrepancies.handle(runId, discrepancyId, request.status(), request.note().strip(), caller.owner(),
                clock.instant()).map(ApiResponse::of);
    }
}
