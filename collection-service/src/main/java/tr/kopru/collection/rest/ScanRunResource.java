package tr.kopru.collection.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
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
import tr.kopru.collection.domain.ScanRun;
import tr.kopru.collection.repository.ScanRunRepository;
import tr.kopru.collection.service.InstructionScanner;
import tr.kopru.collection.service.ScanAlreadyRunningException;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.RequiresScope;

import java.util.List;

/** Scans of the standing instructions: their counters (also while running), and starting one now. */
@Path("/api/v1/scan-runs")
@Produces(MediaType.APPLICATION_JSON)
public class ScanRunResource {

    /** {@code all}: scan every active instruction, not only the due ones. */
    public record ScanRequest(Boolean all) {
    }

    private final ScanRunRepository runs;
    private final InstructionScanner scanner;

    public ScanRunResource(ScanRunRepository runs, InstructionScanner scanner) {
        this.runs = runs;
        this.scanner = scanner;
    }

    @GET
    @RequiresScope("collections:read")
    @Operation(summary = "Scan runs, newest first")
    public Uni<ApiResponse<List<ScanRun>>> list(@Valid @BeanParam PageRequest page) {
        return runs.count().chain(total -> runs.list(page.limit, page.offset)
                .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }

    @GET
    @Path("/{id}")
    @RequiresScope("collections:read")
    @Operation(summary = "One scan run with its counters")
    public Uni<ApiResponse<ScanRun>> get(@PathParam("id") long id) {
        return runs.find(id).map(run -> ApiResponse.of(run.orElseThrow(() -> ApiException.notFound("No scan run " + id))));
    }

    @POST
    @ResponseStatus(202)
    @APIResponse(responseCode = "202", description = "The run, started; it goes on in the background")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:write")
    @Operation(summary = "Scan the due instructions now (all active ones with all=true); answers the run at once")
    public Uni<ApiResponse<ScanRun>> start(ScanRequest request) {
        return scanner.start(InstructionScanner.ON_DEMAND, request != null && Boolean.TRUE.equals(request.all()))
                .onFailure(ScanAlreadyRunningException.class).transform(e -> ApiException.conflict(e.getMessage()))
                .map(ApiResponse::of);
    }
}
