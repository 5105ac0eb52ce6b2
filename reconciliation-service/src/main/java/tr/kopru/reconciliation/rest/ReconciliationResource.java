package tr.kopru.reconciliation.rest;

import tr.kopru.runtime.time.TurkeyTime;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.reconciliation.domain.ReconciliationRun;
import tr.kopru.reconciliation.repository.RunRepository;
import tr.kopru.reconciliation.service.ReconciliationService;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.RequiresScope;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Reconciliation runs: start one (or a dry run), list them, read one with its discrepancies, export them as CSV. */
@Path("/api/v1/reconciliation-runs")
@Produces(MediaType.APPLICATION_JSON)
public class ReconciliationResource {

    /** What to reconcile; {@code deskId} defaults to our desk at the institution. */
    public record RunRequest(@NotBlank String institution, Long deskId, @NotNull @PastOrPresent LocalDate day,
                             Boolean dryRun) {
    }

    private final ReconciliationService reconciliation;
    private final RunRepository runs;
    private final Clock clock;

    public ReconciliationResource(ReconciliationService reconciliation, RunRepository runs, Clock clock) {
        this.reconciliation = reconciliation;
        this.runs = runs;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("reconciliation:run")
    @Operation(summary = "Reconcile a desk and day now: 201 with the stored run, or 200 for a dry run (nothing stored)")
    @APIResponse(responseCode = "201", description = "The run, stored")
    @APIResponse(responseCode = "200", description = "A dry run's result; nothing stored")
    public Uni<Response> run(@Valid @NotNull RunRequest request) {
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        long desk = reconciliation.deskOf(request.institution(), request.deskId());
        return reconciliation.reconcile(request.institution(), desk, request.day(), "API", dryRun)
                .map(run -> Response.status(dryRun ? 200 : 201).entity(ApiResponse.of(run)).build());
    }

    @GET
    @RequiresScope("reconciliation:read")
    @Operation(summary = "Runs by institution, desk and day range (yyyy-MM-dd), newest day first")
    public Uni<ApiResponse<List<ReconciliationRun>>> list(@Valid @BeanParam PageRequest page,
                                                          @QueryParam("institution") String institution,
                                                          @QueryParam("desk_id") Long deskId,
                                                          @QueryParam("from") LocalDate from,
                                                          @QueryParam("to") LocalDate to) {
        RunRepository.Filter filter = new RunRepository.Filter(institution, deskId, from, to);
        return runs.count(filter).chain(total -> runs.list(filter, page.limit, page.offset)
                .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }

    @GET
    @Path("/{id}")
    @RequiresScope("reconciliation:read")
    @Operation(summary = "One run with both sides' totals and its discrepancies")
    public Uni<ApiResponse<ReconciliationRun>> get(@PathParam("id") long id) {
        return runs.find(id).map(run -> ApiResponse.of(run.orElseThrow(
                () -> ApiException.notFound("No reconciliation run " + id))));
    }

    @GET
    @Path("/{id}/discrepancies.csv")
    @Produces("text/csv")
    @RequiresScope("reconciliation:read")
    @Operation(summary = "A run's discrepancies as CSV, one row each, for a spreadsheet")
    public Uni<Response> csv(@PathParam("id") long id) {
        return runs.find(id).map(found -> {
            ReconciliationRun run = found.orElseThrow(() -> ApiException.notFound("No reconciliation run " + id));
            return Response.ok(DiscrepancyCsv.of(run.discrepancies()))
                    .header("Content-Disposition", "attachment; filename=\"reconciliation-" + run.institution() + "-"
                            + run.deskId() + "-" + run.day() + "-v" + run.version() + ".csv\"")
                    .build();
        });
    }

    @GET
    @Path("/summary")
    @RequiresScope("reconciliation:read")
    @Operation(summary = "The latest result of each desk for each of the last N days (default 7), by desk, newest "
            + "day first, a page at a time like every list")
    public Uni<ApiResponse<List<ReconciliationRun>>> summary(@QueryParam("days") @DefaultValue("7") @Min(1) @Max(366) int days,
                                                             @Valid @BeanParam PageRequest page) {
        LocalDate today = TurkeyTime.today(clock);
        LocalDate from = today.minusDays(days);
        return runs.countDesksAndDays(from, today).chain(total -> runs.latestPerDeskAndDay(from, today, page.limit,
                page.offset).map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }
}
