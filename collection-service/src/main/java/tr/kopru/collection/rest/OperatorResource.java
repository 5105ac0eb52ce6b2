package tr.kopru.collection.rest;

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
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.repository.SweepRepository;
import tr.kopru.collection.service.DaySweep;
import tr.kopru.collection.service.OperatorActions;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.ApiCaller;
import tr.kopru.runtime.security.RequiresScope;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What needs a person: collections whose outcome the service could not settle, asking FlexCity about one now,
 * settling one by hand (checked against FlexCity's records), the day-end sweep on demand and the receipts of ours it
 * found that no collection knows.
 */
@Path("/api/v1/operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperatorResource {

    /** How an operator settles a collection, and why (kept in its history with the operator's name). */
    public record SettleRequest(@NotNull OperatorActions.Outcome outcome, @NotBlank @Size(max = 500) String reason) {
    }

    /** The day to sweep; without it, yesterday and every earlier day still open. */
    public record SweepRequest(LocalDate collectionDate) {
    }

    private final CollectionRepository collections;
    private final SweepRepository sweeps;
    private final OperatorActions actions;
    private final DaySweep sweep;
    private final ApiCaller caller;

    public OperatorResource(CollectionRepository collections, SweepRepository sweeps, OperatorActions actions,
                            DaySweep sweep, ApiCaller caller) {
        this.collections = collections;
        this.sweeps = sweeps;
        this.actions = actions;
        this.sweep = sweep;
        this.caller = caller;
    }

    @GET
    @Path("/collections")
    @RequiresScope("collections:operate")
    @Operation(summary = "Collections that need attention, oldest first: UNKNOWN, CANCEL_UNKNOWN, or marked for an "
            + "operator")
    public Uni<ApiResponse<List<CollectionView>>> attention(@Valid @BeanParam PageRequest page) {
        return collections.countNeedingAttention().chain(total -> collections.needingAttention(page.limit, page.offset)
                .map(list -> ApiResponse.page(list.stream().map(CollectionView::of).toList(), total, page.limit,
                        page.offset)));
    }

    @POST
    @Path("/collections/{id}/ask")
    @RequiresScope("collections:operate")
    @Operation(summary = "Ask FlexCity about an open outcome now; answers the collection as it then stands")
    public Uni<ApiResponse<CollectionView>> ask(@PathParam("id") UUID id) {
        return actions.askNow(id, caller.owner()).map(c -> ApiResponse.of(CollectionView.of(c)));
    }

    @POST
    @Path("/collections/{id}/settle")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:operate")
    @Operation(summary = "Settle a collection by hand: COLLECTED only with a booking FlexCity confirms, REJECTED only "
            + "when FlexCity has none; 409 when its records disagree")
    public Uni<ApiResponse<CollectionView>> settle(@PathParam("id") UUID id, @Valid @NotNull SettleRequest request) {
        return actions.settle(id, request.outcome(), request.reason().strip(), caller.owner())
                .map(c -> ApiResponse.of(CollectionView.of(c)));
    }

    @POST
    @Path("/sweeps")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:operate")
    @Operation(summary = "Run the day-end sweep now (one day, or every day still open); answers what it settled")
    public Uni<ApiResponse<DaySweep.Outcome>> sweep(SweepRequest request) {
        return sweep.sweep(request == null ? null : request.collectionDate()).map(ApiResponse::of);
    }

    @GET
    @Path("/sweep-anomalies")
    @RequiresScope("collections:operate")
    @Operation(summary = "Receipts at our desks with a transaction number of ours that no collection knows")
    public Uni<ApiResponse<List<SweepRepository.Anomaly>>> anomalies(@Valid @BeanParam PageRequest page) {
        return sweeps.countAnomalies().chain(total -> sweeps.anomalies(page.limit, page.offset)
                .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }
}
