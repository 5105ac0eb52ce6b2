package tr.kopru.collection.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import tr.kopru.collection.domain.Collection;
import tr.kopru.collection.repository.CollectionRepository;
import tr.kopru.collection.service.CollectResult;
import tr.kopru.collection.service.CollectionRefusedException;
import tr.kopru.collection.service.CollectionService;
import tr.kopru.model.rest.ApiError;
import tr.kopru.model.rest.ApiResponse;

/**
 * The first answer to a collect request with an Idempotency-Key, recorded with its collection and replayed as it was
 * (status and body) to a retry with the same key. A refusal before anything was sent (NOT_SENT) is not recorded:
 * the key's retry tries again.
 */
@ApplicationScoped
public class IdempotentAnswers {

    static final String REPLAYED = "Idempotent-Replayed";

    private final CollectionRepository collections;
    private final ObjectMapper json;

    public IdempotentAnswers(CollectionRepository collections, ObjectMapper json) {
        this.collections = collections;
        this.json = json;
    }

    /** The answer to a retry: the first answer when it was recorded, else the collection as it stands now. */
    public Response replay(CollectResult result) {
        Response.ResponseBuilder replayed = result.firstAnswer() != null
                ? Response.status(result.firstAnswer().status()).entity(result.firstAnswer().body())
                .type(MediaType.APPLICATION_JSON_TYPE)
                : Response.ok(ApiResponse.of(CollectionView.of(result.collection())));
        return replayed.header(REPLAYED, "true").build();
    }

    /** Records {@code answer} as the first answer of the key's collection; answers it. */
    public Uni<Response> remember(String key, Collection collection, Response answer) {
        if (key == null) {
            return Uni.createFrom().item(answer);
        }
        return collections.recordAnswer(collection.id(), answer.getStatus(), write(answer.getEntity()))
                .replaceWith(answer);
    }

    /** Records a refusal as the first answer of the key's collection; fails with it. */
    public Uni<Response> rememberRefusal(String key, CollectionRefusedException refusal) {
        Collection refused = refusal.collection();
        boolean notSent = refused != null && CollectionService.NOT_SENT.equals(refused.resultCode());
        Uni<Void> recorded = key == null || !refusal.started() || notSent
                ? Uni.createFrom().voidItem()
                : collections.recordAnswer(refused.id(), refusal.status(),
                write(ApiError.of(refusal.getMessage(), refusal.details())));
        return recorded.chain(() -> Uni.createFrom().failure(refusal));
    }

    private String write(Object entity) {
        try {
            return json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an answer could not be written as JSON", e);
        }
    }
}
