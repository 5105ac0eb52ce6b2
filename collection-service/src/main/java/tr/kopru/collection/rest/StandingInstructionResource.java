package tr.kopru.collection.rest;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import tr.kopru.collection.domain.InstructionStatus;
import tr.kopru.collection.domain.StandingInstruction;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.repository.StandingInstructionRepository;
import tr.kopru.collection.service.InstructionService;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.ApiCaller;
import tr.kopru.runtime.security.RequiresScope;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Standing (auto-pay) instructions: register, list, pause, resume, delete. */
@Path("/api/v1/standing-instructions")
@Produces(MediaType.APPLICATION_JSON)
public class StandingInstructionResource {

    /**
     * An instruction for a declaration, or for a water subscriber (number and region) whose declaration FlexCity
     * looks up.
     *
     * @param scanEveryDays 5 or 10 (default 5)
     * @param autoCollect   pay a found invoice at once (default false: only announce it)
     */
    public record InstructionRequest(@NotBlank String institution, @Positive Long declarationId, String subscriberNo,
                                     String regionId, Integer scanEveryDays, Boolean autoCollect) {
    }

    /** Many declarations at once, taken as given (no FlexCity look-up each). */
    public record BulkInstructionRequest(@NotBlank String institution,
                                         @NotNull @NotEmpty
                                         @Size(max = 5000)
                                         List<@NotNull @Positive Long> declarationIds,
                                         Integer scanEveryDays, Boolean autoCollect) {
    }

    /** How a bulk registration went. */
    public record BulkResult(int requested, int registered, int alreadyRegistered) {
    }

    private final InstructionService service;
    private final StandingInstructionRepository instructions;
    private final CollectionRepository collections;
    private final ApiCaller caller;

    public StandingInstructionResource(InstructionService service, StandingInstructionRepository instructions,
                                       CollectionRepository collections, ApiCaller caller) {
        this.service = service;
        this.instructions = instructions;
        this.collections = collections;
        this.caller = caller;
    }

    @POST
    @ResponseStatus(201)
    @APIResponse(responseCode = "201", description = "The instruction, registered")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:write")
    @Operation(summary = "Register an instruction by declaration id, or by subscriber number and region")
    public Uni<ApiResponse<StandingInstruction>> register(@Valid @NotNull InstructionRequest request) {
        Map<String, List<String>> errors = new LinkedHashMap<>();
        boolean bySubscriber = request.subscriberNo() != null && !request.subscriberNo().isBlank();
        if (request.declarationId() == null && !bySubscriber) {
            errors.put("declaration_id", List.of("declaration_id, or subscriber_no with region_id, is required"));
        }
        if (request.declarationId() == null && bySubscriber && (request.regionId() == null || request.regionId().isBlank())) {
            errors.put("region_id", List.of("is required with subscriber_no"));
        }
        int every = request.scanEveryDays() == null ? 5 : request.scanEveryDays();
        if (every != 5 && every != 10) {
            errors.put("scan_every_days", List.of("must be 5 or 10"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return service.register(new InstructionService.NewInstruction(request.institution(), request.declarationId(),
                        bySubscriber ? request.subscriberNo().trim() : null,
                        request.regionId() == null ? null : request.regionId().trim(), every,
                        Boolean.TRUE.equals(request.autoCollect()), caller.owner()))
                .map(ApiResponse::of);
    }

    @POST
    @Path("/bulk")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:write")
    @Operation(summary = "Register up to 5,000 declarations at once (moving instructions over); existing ones are skipped")
    public Uni<ApiResponse<BulkResult>> registerMany(@Valid @NotNull BulkInstructionRequest request) {
        int every = request.scanEveryDays() == null ? 5 : request.scanEveryDays();
        if (every != 5 && every != 10) {
            throw ApiException.invalid(Map.of("scan_every_days", List.of("must be 5 or 10")));
        }
        int requested = (int) request.declarationIds().stream().distinct().count();
        return service.registerMany(request.institution(), request.declarationIds(), every,
                        Boolean.TRUE.equals(request.autoCollect()), caller.owner())
                .map(registered -> ApiResponse.of(new BulkResult(requested, registered, requested - registered)));
    }

    @GET
    @RequiresScope("collections:read")
    @Operation(summary = "Instructions, newest first, by institution, status or declaration")
    public Uni<ApiResponse<List<StandingInstruction>>> list(@Valid @BeanParam PageRequest page,
                                                            @QueryParam("institution") String institution,
                                                            @QueryParam("status") InstructionStatus status,
                                                            @QueryParam("declaration_id") Long declarationId) {
        var filter = new StandingInstructionRepository.Filter(institution, status, declarationId);
        return instructions.count(filter).chain(total -> instructions.list(filter, page.limit, page.offset)
                .map(list -> ApiResponse.page(list, total, page.limit, page.offset)));
    }

    @GET
    @Path("/{id}")
    @RequiresScope("collections:read")
    @Operation(summary = "One instruction")
    public Uni<ApiResponse<StandingInstruction>> get(@PathParam("id") UUID id) {
        return instructions.find(id).map(found -> ApiResponse.of(found.orElseThrow(
                () -> ApiException.notFound("No standing instruction " + id))));
    }

    @GET
    @Path("/{id}/payments")
    @RequiresScope("collections:read")
    @Operation(summary = "The instruction's auto-pay attempts (its collections), newest first")
    public Uni<ApiResponse<List<CollectionView>>> payments(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return instructions.find(id).chain(found -> {
            found.orElseThrow(() -> ApiException.notFound("No standing instruction " + id));
            return collections.countOfInstruction(id).chain(total -> collections.ofInstruction(id, page.limit,
                    page.offset).map(list -> ApiResponse.page(list.stream().map(CollectionView::of).toList(), total,
                    page.limit, page.offset)));
        });
    }

    @POST
    @Path("/{id}/pause")
    @RequiresScope("collections:write")
    @Operation(summary = "Pause an instruction: scans skip it until it is resumed")
    public Uni<ApiResponse<StandingInstruction>> pause(@PathParam("id") UUID id) {
        return service.setStatus(id, InstructionStatus.PAUSED).map(ApiResponse::of);
    }

    @POST
    @Path("/{id}/resume")
    @RequiresScope("collections:write")
    @Operation(summary = "Resume a paused instruction")
    public Uni<ApiResponse<StandingInstruction>> resume(@PathParam("id") UUID id) {
        return service.setStatus(id, InstructionStatus.ACTIVE).map(ApiResponse::of);
    }

    @DELETE
    @Path("/{id}")
    @RequiresScope("collections:write")
    @Operation(summary = "Delete an instruction (kept, marked DELETED, for the record)")
    public Uni<ApiResponse<StandingInstruction>> delete(@PathParam("id") UUID id) {
        return service.setStatus(id, InstructionStatus.DELETED).map(ApiResponse::of);
    }
}
