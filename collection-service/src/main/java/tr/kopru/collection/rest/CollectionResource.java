package tr.kopru.collection.rest;

import tr.kopru.runtime.time.TurkeyTime;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.service.CancellationService;
import tr.kopru.collection.service.CollectCommand;
import tr.kopru.collection.service.CollectionService;
import tr.kopru.model.event.PaymentChannel;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.ApiException;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.ApiCaller;
import tr.kopru.runtime.security.RequiresScope;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Collections: start one (201 when FlexCity booked it, 202 when its outcome is still open), read them with their
 * history, cancel one on its day. An {@code Idempotency-Key} makes a retried request return the first result.
 */
@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";

    private final CollectionService collect;
    private final CancellationService cancellations;
    private final CollectionRepository collections;
    private final ApiCaller caller;
    private final Clock clock;

    public CollectionResource(CollectionService collect, CancellationService cancellations,
                              CollectionRepository collections, ApiCaller caller, Clock clock) {
        this.collect = collect;
        this.cancellations = cancellations;
        this.collections = collections;
        this.caller = caller;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:write")
    @Operation(summary = "Collect one invoice: 201 collected, 202 outcome still open (poll it), 200 a replayed "
            + "Idempotency-Key, 409 a conflict (amount changed, already paid, in progress)")
    public Uni<Response> create(@Valid @NotNull CollectionRequest request,
                                @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 100) String idempotencyKey) {
        LocalDate paidOn = request.paidOn() != null ? request.paidOn()
                : TurkeyTime.today(clock);
        CollectCommand command = new CollectCommand(request.institution(), request.invoiceNumber(),
                request.declarationId(), request.amount(), paidOn, PaymentChannel.API, caller.owner(),
                blankToNull(idempotencyKey), fingerprint(request, paidOn), null);
        return collect.collect(command).map(result -> {
            CollectionView view = CollectionView.of(result.collection());
            int status = result.replayed() ? 200 : view.state() == CollectionState.COLLECTED ? 201 : 202;
            Response.ResponseBuilder response = Response.status(status).entity(ApiResponse.of(view))
                    .header("Server-Timing", String.format(java.util.Locale.ROOT, "flexcity;dur=%.3f",
                            result.upstreamTime().toNanos() / 1_000_000.0));
            return (result.replayed() ? response.header(REPLAYED, "true") : response).build();
        });
    }

    @GET
    @RequiresScope("collections:read")
    @Operation(summary = "Collections, newest first, filtered by institution, state, invoice or collection day")
    public Uni<ApiResponse<List<CollectionView>>> list(@Valid @BeanParam PageRequest page,
                                                       @QueryParam("institution") String institution,
                                                       @QueryParam("state") CollectionState state,
                                                       @QueryParam("invoice_number") String invoiceNumber,
                                                       @QueryParam("collection_date") LocalDate collectionDate) {
        CollectionRepository.Filter filter = new CollectionRepository.Filter(institution, state, invoiceNumber,
                collectionDate);
        return collections.count(filter).chain(total -> collections.list(filter, page.limit, page.offset)
                .map(list -> ApiResponse.page(list.stream().map(CollectionView::of).toList(), total, page.limit,
                        page.offset)));
    }

    @GET
    @Path("/summary")
    @RequiresScope("collections:read")
    @Operation(summary = "How many collections are in each state")
    public Uni<ApiResponse<Map<String, Long>>> summary() {
        return collections.countByState().map(ApiResponse::of);
    }

    @GET
    @Path("/{id}")
    @RequiresScope("collections:read")
    @Operation(summary = "One collection with its state history")
    public Uni<ApiResponse<CollectionView>> get(@PathParam("id") UUID id) {
        return collections.find(id).chain(found -> {
            var collection = found.orElseThrow(() -> ApiException.notFound("No collection " + id));
            return collections.transitions(id).map(history -> ApiResponse.of(CollectionView.of(collection, history)));
        });
    }

    @POST
    @Path("/{id}/cancel")
    @RequiresScope("collections:write")
    @Operation(summary = "Cancel a collection on its collection day (safe to repeat); 409 on another day")
    public Uni<ApiResponse<CollectionView>> cancel(@PathParam("id") UUID id) {
        return cancellations.cancel(id).map(c -> ApiResponse.of(CollectionView.of(c)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What makes two requests "the same" for an Idempotency-Key. */
    private static String fingerprint(CollectionRequest r, LocalDate paidOn) {
        String canonical = r.institution() + "|" + r.invoiceNumber() + "|" + r.declarationId() + "|"
                + r.amount().amount().toPlainString() + "|" + paidOn;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
