package tr.kopru.installation.rest;

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
import tr.kopru.installation.repository.InstallationQueries;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.RequiresScope;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** The mirrored installations: list with filters, one with its history, and a summary. */
@Path("/api/v1/installations")
@Produces(MediaType.APPLICATION_JSON)
@RequiresScope("installations:read")
public class InstallationResource {

    /** Counts of installations by status and by service company. */
    public record Summary(long total, Map<String, Long> byStatus, Map<String, Long> byServiceCompany) {
    }

    private final InstallationQueries queries;

    public InstallationResource(InstallationQueries queries) {
        this.queries = queries;
    }

    @GET
    @Operation(summary = "Installations, most recently changed first, filtered by any of the parameters")
    public Uni<ApiResponse<List<InstallationView>>> list(@Valid @BeanParam PageRequest page,
                                                        @QueryParam("licence_plate") String licencePlate,
                                                        @QueryParam("installation_code") String installationCode,
                                                        @QueryParam("status") String status,
                                                        @QueryParam("owner_tax_number") String ownerTaxNumber,
                                                        @QueryParam("service_company") String serviceCompany,
                                                        @QueryParam("activated_from") String activatedFrom,
                                                        @QueryParam("activated_to") String activatedTo) {
        InstallationQueries.Filter filter = new InstallationQueries.Filter(licencePlate, installationCode, status,
                ownerTaxNumber, serviceCompany, date("activated_from", activatedFrom), date("activated_to", activatedTo));
        return queries.count(filter).chain(total -> queries.list(filter, page.limit, page.offset)
                .map(found -> ApiResponse.page(found.stream()
                        .map(f -> InstallationView.of(f.snapshot(), f.firstSeenAt(), f.lastChangedAt(), null))
                        .toList(), total, page.limit, page.offset)));
    }

    @GET
    @Path("/summary")
    @Operation(summary = "How many installations there are, by status and by service company")
    public Uni<ApiResponse<Summary>> summary() {
        return queries.countBy("status").chain(byStatus -> queries.countBy("service_company").map(byCompany ->
                ApiResponse.of(new Summary(byStatus.values().stream().mapToLong(Long::longValue).sum(), byStatus,
                        byCompany))));
    }

    @GET
    @Path("/{idOrCode}")
    @Operation(summary = "One installation, by id or installation code, with its change history")
    public Uni<ApiResponse<InstallationView>> get(@PathParam("idOrCode") String idOrCode) {
        return queries.find(idOrCode).chain(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().failure(ApiException.notFound("No installation " + idOrCode));
            }
            InstallationQueries.Found f = found.get();
            return queries.history(f.snapshot().installationId()).map(history -> ApiResponse.of(InstallationView.of(
                    f.snapshot(), f.firstSeenAt(), f.lastChangedAt(), history.stream()
                            .map(h -> new InstallationView.Change(h.changedAt(), h.runId(), h.fields(),
                                    h.previousStatus(), h.status())).toList())));
        });
    }

    private static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(Map.of(field, List.of("must be a date as yyyy-MM-dd")));
        }
    }
}
