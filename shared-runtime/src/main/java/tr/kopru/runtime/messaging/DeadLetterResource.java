package tr.kopru.runtime.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tr.kopru.model.rest.ApiResponse;
import tr.kopru.runtime.rest.PageRequest;
import tr.kopru.runtime.security.ApiCaller;
import tr.kopru.runtime.security.RequiresScope;

import java.util.List;

/** The records this service's consumers set aside, with why, and a guarded replay of one to its topic. */
@Path("/api/v1/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    /** Which dead letter to send back: its topic, partition and offset. */
    public record ReplayRequest(@NotBlank String topic, @NotNull @Min(0) Integer partition,
                                @NotNull @Min(0) Long offset) {
    }

    private final DeadLetters deadLetters;
    private final ApiCaller caller;

    public DeadLetterResource(DeadLetters deadLetters, ApiCaller caller) {
        this.deadLetters = deadLetters;
        this.caller = caller;
    }

    @GET
    @RequiresScope("dead-letters:read")
    @Operation(summary = "Dead-lettered records, newest first (each partition's latest 1,000), with the reason, the "
            + "topic and offset they came from and their replay; of one dead-letter topic or of all this service's")
    public Uni<ApiResponse<List<DeadLetter>>> list(@QueryParam("topic") String topic,
                                                   @Valid @BeanParam PageRequest page) {
        return deadLetters.list(topic == null || topic.isBlank() ? null : topic).map(all -> ApiResponse.page(
                all.stream().skip(page.offset).limit(page.limit).toList(), all.size(), page.limit, page.offset));
    }

    @POST
    @Path("/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequiresScope("dead-letters:replay")
    @Operation(summary = "Send one dead letter back to the topic it came from, once (the consumers are idempotent); "
            + "409 when it was replayed before")
    public Uni<ApiResponse<DeadLetter>> replay(@Valid @NotNull ReplayRequest request) {
        return deadLetters.replay(request.topic(), request.partition(), request.offset(), caller.owner())
                .map(ApiResponse::of);
    }
}
