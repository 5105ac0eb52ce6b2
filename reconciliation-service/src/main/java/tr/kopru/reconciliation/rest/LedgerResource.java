package tr.kopru.reconciliation.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.reconciliation.domain.LedgerEntry;
import tr.kopru.reconciliation.domain.Totals;
import tr.kopru.reconciliation.repository.LedgerRepository;
import tr.kopru.reconciliation.service.ReconciliationService;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.RequiresScope;

import java.time.LocalDate;
import java.util.List;

/** The ledger entries of one desk and day, as the payment events built them. */
@Path("/api/v1/ledger")
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    private final LedgerRepository ledger;
    private final ReconciliationService reconciliation;

    public LedgerResource(LedgerRepository ledger, ReconciliationService reconciliation) {
        this.ledger = ledger;
        this.reconciliation = reconciliation;
    }

    @GET
    @Path("/totals")
    @RequiresScope("reconciliation:read")
    @Operation(summary = "Our totals of a day at a desk: standing collections and cancellations, counts and amounts")
    public Uni<ApiResponse<Totals>> totals(@QueryParam("institution") @NotBlank String institution,
                                           @QueryParam("desk_id") Long deskId,
                                           @QueryParam("day") @NotNull LocalDate day) {
        return ledger.totals(institution, reconciliation.deskOf(institution, deskId), day).map(ApiResponse::of);
    }

    @GET
    @RequiresScope("reconciliation:read")
    @Operation(summary = "Ledger entries of a day (collection date, Europe/Istanbul) at a desk (default: ours)")
    public Uni<ApiResponse<List<LedgerEntry>>> entries(@Valid @BeanParam PageRequest page,
                                                       @QueryParam("institution") @NotBlank String institution,
                                                       @QueryParam("desk_id") Long deskId,
                                                       @QueryParam("day") @NotNull LocalDate day) {
        long desk = reconciliation.deskOf(institution, deskId);
        return ledger.count(institution, desk, day).chain(total -> ledger.entries(institution, desk, day, page.limit,
                page.offset).map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }
}
