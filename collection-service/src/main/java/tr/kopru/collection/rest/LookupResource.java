package tr.kopru.collection.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tr.kopru.collection.client.FlexCityClient;
import tr.kopru.collection.client.FlexCitySubscriber;
import tr.kopru.model.identity.NationalId;
import tr.kopru.model.identity.TaxNumber;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.security.RequiresScope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * FlexCity look-ups of one institution: taxpayers, declarations, debts per invoice, subscribers. Identity numbers
 * are checked (check digits included) before FlexCity is asked.
 */
@Path("/api/v1/institutions/{institution}")
@Produces(MediaType.APPLICATION_JSON)
public class LookupResource {

    /** The declarations whose debts to fetch in one call. */
    public record BulkDebtRequest(@NotNull @NotEmpty @Size(max = 500) List<@NotNull @Positive Long> declarationIds) {
    }

    private final FlexCityClient flexCity;

    public LookupResource(FlexCityClient flexCity) {
        this.flexCity = flexCity;
    }

    @GET
    @Path("/taxpayers")
    @RequiresScope("collections:read")
    @Operation(summary = "Taxpayers by national id and/or tax number (at least one; check digits are verified)")
    public Uni<ApiResponse<List<LookupViews.TaxpayerView>>> taxpayers(@PathParam("institution") String institution,
                                                              @QueryParam("national_id") String nationalId,
                                                              @QueryParam("tax_number") String taxNumber) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (blank(nationalId) && blank(taxNumber)) {
            errors.put("national_id", List.of("national_id or tax_number is required"));
            errors.put("tax_number", List.of("national_id or tax_number is required"));
        }
        if (!blank(nationalId) && !NationalId.isValid(nationalId.trim())) {
            errors.put("national_id", List.of("must be 11 digits with valid check digits"));
        }
        if (!blank(taxNumber) && !TaxNumber.isValid(taxNumber.trim())) {
            errors.put("tax_number", List.of("must be 10 digits with a valid check digit"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return flexCity.taxpayers(institution, trim(nationalId), trim(taxNumber))
                .map(list -> ApiResponse.of(list.stream().map(LookupViews.TaxpayerView::of).toList()));
    }

    @GET
    @Path("/declarations/{declarationId}")
    @RequiresScope("collections:read")
    @Operation(summary = "One declaration (beyan)")
    public Uni<ApiResponse<LookupViews.DeclarationView>> declaration(@PathParam("institution") String institution,
                                                            @PathParam("declarationId") long declarationId) {
        return flexCity.declaration(institution, declarationId).map(found -> ApiResponse.of(found.map(LookupViews.DeclarationView::of)
                .orElseThrow(() -> ApiException.notFound("FlexCity has no declaration " + declarationId))));
    }

    @GET
    @Path("/debts")
    @RequiresScope("collections:read")
    @Operation(summary = "Open debts of a taxpayer or a declaration, one entry per invoice (total = debt + surcharge)")
    public Uni<ApiResponse<List<InvoiceDebtView>>> debts(@PathParam("institution") String institution,
                                                         @QueryParam("taxpayer_id") @Positive Long taxpayerId,
                                                         @QueryParam("declaration_id") @Positive Long declarationId) {
        if (taxpayerId == null && declarationId == null) {
            throw ApiException.invalid(Map.of("taxpayer_id", List.of("taxpayer_id or declaration_id is required"),
                    "declaration_id", List.of("taxpayer_id or declaration_id is required")));
        }
        return flexCity.debts(institution, taxpayerId, declarationId)
                .map(debts -> ApiResponse.of(debts.stream().map(InvoiceDebtView::of).toList()));
    }

    @POST
    @Path("/debts/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:read")
    @Operation(summary = "Open debts of up to 500 declarations in one FlexCity call, one entry per invoice")
    public Uni<ApiResponse<List<InvoiceDebtView>>> bulkDebts(@PathParam("institution") String institution,
                                                             @Valid @NotNull BulkDebtRequest request) {
        return flexCity.debtsOfDeclarations(institution, request.declarationIds())
                .map(debts -> ApiResponse.of(debts.stream().map(InvoiceDebtView::of).toList()));
    }

    @GET
    @Path("/subscribers")
    @RequiresScope("collections:read")
    @Operation(summary = "A water subscriber's taxpayer (sicil) and declaration by subscriber number and region, "
            + "or by the old subscriber/registry numbers")
    public Uni<ApiResponse<List<LookupViews.SubscriberView>>> subscribers(@PathParam("institution") String institution,
                                                                  @QueryParam("region_id") String regionId,
                                                                  @QueryParam("subscriber_no") String subscriberNo,
                                                                  @QueryParam("old_subscriber_no") String oldSubscriberNo,
                                                                  @QueryParam("old_registry_no") String oldRegistryNo) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (blank(regionId)) {
            errors.put("region_id", List.of("is required"));
        }
        if (blank(subscriberNo) && blank(oldSubscriberNo) && blank(oldRegistryNo)) {
            errors.put("subscriber_no", List.of("subscriber_no, old_subscriber_no or old_registry_no is required"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        Uni<List<FlexCitySubscriber>> found = !blank(subscriberNo)
                ? flexCity.subscriber(institution, subscriberNo.trim(), regionId.trim())
                : flexCity.subscriberByOldNumbers(institution, trim(oldRegistryNo), trim(oldSubscriberNo), regionId.trim());
        return found.map(list -> ApiResponse.of(list.stream().map(LookupViews.SubscriberView::of).toList()));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private static String trim(String text) {
        return blank(text) ? null : text.trim();
    }
}
