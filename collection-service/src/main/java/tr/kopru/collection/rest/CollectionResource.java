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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import tr.kopru.collection.config.CollectionConfig;
import tr.kopru.collection.domain.CollectionState;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.service.CancellationService;
import tr.kopru.collection.service.CollectCommand;
import tr.kopru.collection.service.CollectResult;
import tr.kopru.collection.service.CollectionRefusedException;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Collections: start one (201 when FlexCity booked it, 202 when its outcome is still open), read them with their
 * history, cancel one on its day. An {@code Idempotency-Key} makes a retried request get the first answer.
 */
@Path("/api/v1/collections")
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CollectionService collect;
    private final CancellationService cancellations;
    private final CollectionRepository collections;
    private final IdempotentAnswers answers;
    private final ApiCaller caller;
    private final CollectionConfig config;
    private final Clock clock;

    public CollectionResource(CollectionService collect, CancellationService cancellations,
                              CollectionRepository collections, IdempotentAnswers answers, ApiCaller caller,
                              CollectionConfig config, Clock clock) {
        this.collect = collect;
        this.cancellations = cancellations;
        this.collections = collections;
        this.answers = answers;
        this.caller = caller;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("collections:write")
    @Operation(summary = "Collect one invoice: 201 collected, 202 outcome still open (poll it), 409 a conflict "
            + "(amount changed, already paid, in progress), 503 not sent (FlexCity failing; retry with the same key). "
            + "A retry with the same Idempotency-Key gets the first answer again, with Idempotent-Replayed: true")
    @APIResponse(responseCode = "201", description = "Collected")
    @APIResponse(responseCode = "202", description = "The outcome is still open: poll the collection")
    public Uni<Response> create(@Valid @NotNull CollectionRequest request,
                                @HeaderParam(IDEMPOTENCY_KEY) @Size(max = 100) String idempotencyKey) {
        LocalDate today = TurkeyTime.today(clock);
        LocalDate paidOn = request.paidOn() != null ? request.paidOn() : today;
        LocalDate earliest = today.minusDays(config.maxBackdate().toDays());
        if (paidOn.isBefore(earliest)) {
            throw ApiException.invalid(Map.of("paid_on", List.of("must not be before " + earliest + ": at most "
                    + config.maxBackdate().toDays() + " days back (kopru.collection.max-backdate)")));
        }
        String key = blankToNull(idempotencyKey);
        CollectCommand command = new CollectCommand(request.institution(), request.invoiceNumber(),
                request.declarationId(), request.amount(), paidOn, PaymentChannel.API, caller.owner(), key,
                fingerprint(request), null);
        return collect.collect(command)
                .chain(result -> result.replayed() ? Uni.createFrom().item(answers.replay(result))
                        : answers.remember(key, result.collection(), created(result)))
                .onFailure(CollectionRefusedException.class)
                .recoverWithUni(e -> answers.rememberRefusal(key, (CollectionRefusedException) e));
    }

    private static Response created(CollectResult result) {
        CollectionView view = CollectionView.of(result.collection());
        return Response.status(view.state() == CollectionState.COLLECTED ? 201 : 202).entity(ApiResponse.of(view))
                .header("Server-Timing", String.format(Locale.ROOT, "flexcity;dur=%.3f",
                        result.upstreamTime().toNanos() / 1_000_000.0))
                .build();
    }

    @GET
    @RequiresScope("collections:read")
    @Operation(summary = "Collections, newest first, filtered by institution, state, invoice, collection day or "
            + "channel (api, standing_instruction: auto-pay)")
    public Uni<ApiResponse<List<CollectionView>>> list(@Valid @BeanParam PageRequest page,
                                                       @QueryParam("institution") String institution,
                                                       @QueryParam("state") CollectionState state,
                                                       @QueryParam("invoice_number") String invoiceNumber,
                                                       @QueryParam("collection_date") LocalDate collectionDate,
                                                       @QueryParam("channel") String channel) {
        CollectionRepository.Filter filter = new CollectionRepository.Filter(institution, state, invoiceNumber,
                collectionDate, channel(channel));
        return collections.count(filter).chain(total -> collections.list(filter, page.limit, page.offset)
                .map(list -> ApiResponse.page(list.stream().map(CollectionView::of).toList(), total, page.limit,
                        page.offset)));
    }

    private static PaymentChannel channel(String wireName) {
        if (wireName == null || wireName.isBlank()) {
            return null;
        }
        return Arrays.stream(PaymentChannel.values()).filter(c -> c.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> ApiException.invalid(Map.of("channel", List.of("must be one of "
                        + Arrays.stream(PaymentChannel.values()).map(PaymentChannel::wireName).toList()))));
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
    @Operation(summary = "Cancel a collection on its collection day: 200 cancelled, 202 its outcome still open (poll "
            + "it; a repeat answers the same), 409 refused (another day, another desk)")
    @APIResponse(responseCode = "200", description = "Cancelled")
    @APIResponse(responseCode = "202", description = "The cancel's outcome is still open: poll the collection")
    public Uni<Response> cancel(@PathParam("id") UUID id) {
        return cancellations.cancel(id, caller.owner()).map(result -> Response.status(result.open() ? 202 : 200)
                .entity(ApiResponse.of(CollectionView.of(result.collection()))).build());
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    /** What makes two requests "the same" for an Idempotency-Key: what the client sent, not what we filled in. */
    private static String fingerprint(CollectionRequest r) {
        String canonical = r.institution() + "|" + r.invoiceNumber() + "|" + r.declarationId() + "|"
                + r.amount().amount().toPlainString() + "|" + r.paidOn();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
