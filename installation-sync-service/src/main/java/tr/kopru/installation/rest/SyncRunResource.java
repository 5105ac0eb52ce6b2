package tr.kopru.installation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.ResponseStatus;
import tr.kopru.installation.domain.SyncRun;
import tr.kopru.installation.repository.RejectedRecordRepository;
import tr.kopru.installation.repository.SyncRunRepository;
import tr.kopru.installation.service.InstallationSyncService;
import tr.kopru.installation.service.SyncAlreadyRunningException;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.RequiresScope;

import java.util.List;

/** Sync runs: their counters (also while they run), and starting one on demand. */
@Path("/api/v1/sync-runs")
@Produces(MediaType.APPLICATION_JSON)
public class SyncRunResource {

    /** Which account to sync now. */
    public record SyncRequest(@NotBlank String uttsAccount) {
    }

    private final SyncRunRepository runs;
    private final InstallationSyncService syncs;
    private final RejectedRecordRepository rejected;

    public SyncRunResource(SyncRunRepository runs, InstallationSyncService syncs, RejectedRecordRepository rejected) {
        this.runs = runs;
        this.syncs = syncs;
        this.rejected = rejected;
    }

    @GET
    @RequiresScope("installations:read")
    @Operation(summary = "Sync runs, newest first, optionally of one UTTS account")
    public Uni<ApiResponse<List<SyncRun>>> list(@Valid @BeanParam PageRequest page,
                                                @QueryParam("utts_account") String account) {
        return runs.count(account).chain(total -> runs.list(account, page.limit, page.offset)
                .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }

    @GET
    @Path("/{id}")
    @RequiresScope("installations:read")
    @Operation(summary = "One sync run with its counters")
    public Uni<ApiResponse<SyncRun>> get(@PathParam("id") long id) {
        return runs.find(id).map(run -> ApiResponse.of(run.orElseThrow(() -> ApiException.notFound("No sync run " + id))));
    }

    @GET
    @Path("/{id}/rejected-records")
    @RequiresScope("installations:read")
    @Operation(summary = "The records a sync run could not read, with why, and the fields Köprü reads (personal data "
            + "masked)")
    public Uni<ApiResponse<List<RejectedRecordRepository.Kept>>> rejected(@PathParam("id") long id,
                                                                         @Valid @BeanParam PageRequest page) {
        return runs.find(id).chain(run -> {
            if (run.isEmpty()) {
                throw ApiException.notFound("No sync run " + id);
            }
            return rejected.countOfRun(id).chain(total -> rejected.ofRun(id, page.limit, page.offset)
                    .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
        });
    }

    @POST
    @ResponseStatus(202)
    @APIResponse(responseCode = "202", description = "The run, started; it goes on in the background")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("installations:sync")
    @Operation(summary = "Start a sync of one UTTS account now; answers the run, which goes on in the background")
    public Uni<ApiResponse<SyncRun>> start(@Valid @NotNull SyncRequest request) {
        return syncs.start(request.uttsAccount(), InstallationSyncService.ON_DEMAND)
                .onFailure(SyncAlreadyRunningException.class).transform(e -> ApiException.conflict(e.getMessage()))
                .map(ApiResponse::of);
    }
}
